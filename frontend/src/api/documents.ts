import { useMutation } from '@tanstack/react-query';
import { downloadFile, inDesktopWindow } from '../shell/download';
import { call, type ApiError } from './errors';
import { DocumentsAPI, type app } from './wails';

/**
 * The desktop window saves through the backend's native dialog (WebKitGTK
 * does not save download links); a browser downloads the file's bytes.
 * Resolves to the path or file name, "" when the dialog was cancelled.
 */
export async function saveOrDownload(save: () => Promise<string>, data: () => Promise<app.ExportFile>): Promise<string> {
  if (inDesktopWindow()) return call(save);
  const file = await call(data);
  downloadFile(file);
  return file.fileName;
}

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
    mutationFn: ({ kind, orderId }) =>
      saveOrDownload(
        () => DocumentsAPI.SaveDocument(kind, orderId),
        () => DocumentsAPI.DocumentData(kind, orderId),
      ),
  });
}

/** Saves one pick list for the orders of a wave (lines merged by product, in bin order), as useSaveDocument does. */
export function useSaveWavePickList() {
  return useMutation<string, ApiError, string[]>({
    mutationFn: (orderIds) =>
      saveOrDownload(
        () => DocumentsAPI.SaveWavePickList(orderIds),
        () => DocumentsAPI.WavePickListData(orderIds),
      ),
  });
}
