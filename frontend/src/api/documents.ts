import { useMutation } from '@tanstack/react-query';
import { downloadFile, inDesktopWindow } from '../shell/download';
import { call, type ApiError } from './errors';
import { DocumentsAPI } from './wails';

/** The documents an order prints (DocumentsAPI). */
export type DocumentKind = 'invoice' | 'packing-slip' | 'pick-list';

export const DOCUMENT_LABELS: Readonly<Record<DocumentKind, string>> = {
  invoice: 'Invoice',
  'packing-slip': 'Packing slip',
  'pick-list': 'Pick list',
};

/**
 * Saves an order's document as PDF: through the native save dialog in the
 * desktop window (WebKitGTK does not save download links), as a download in
 * a browser. Resolves to where it went ("" when the dialog was cancelled).
 */
export function useSaveDocument() {
  return useMutation<string, ApiError, { kind: DocumentKind; orderId: string }>({
    mutationFn: async ({ kind, orderId }) => {
      if (inDesktopWindow()) return call(() => DocumentsAPI.SaveDocument(kind, orderId));
      const file = await call(() => DocumentsAPI.DocumentData(kind, orderId));
      downloadFile(file);
      return file.fileName;
    },
  });
}

/** Saves one pick list for the orders of a wave (lines merged by product, in bin order), as useSaveDocument does. */
export function useSaveWavePickList() {
  return useMutation<string, ApiError, string[]>({
    mutationFn: async (orderIds) => {
      if (inDesktopWindow()) return call(() => DocumentsAPI.SaveWavePickList(orderIds));
      const file = await call(() => DocumentsAPI.WavePickListData(orderIds));
      downloadFile(file);
      return file.fileName;
    },
  });
}
