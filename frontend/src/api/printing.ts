import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ApiError } from './errors';
import { DocumentsAPI, PrintersAPI, app } from './wails';
import type { DocumentKind } from './documents';

/** The documents a workstation has a printer for (printing.Documents). */
export type PrinterDocument = 'invoice' | 'packing-slip' | 'pick-list' | 'label';

/** How a document gets to paper: a CUPS queue, a thermal label printer taking ZPL, or a (hot) folder. */
export type PrinterKind = 'cups' | 'zpl' | 'folder';

export type WorkstationPrinter = app.WorkstationPrinter;

export const PRINTER_KIND_LABELS: Readonly<Record<PrinterKind, string>> = {
  cups: 'CUPS printer',
  zpl: 'Thermal printer (ZPL)',
  folder: 'Folder',
};

const printerKeys = {
  printers: ['printers'] as const,
  cups: ['cupsPrinters'] as const,
};

/** One row per document, its printer on this workstation or none (kind ""). */
export function usePrinters() {
  return useQuery({ queryKey: printerKeys.printers, queryFn: () => call(PrintersAPI.Printers) });
}

/** The CUPS queues of this workstation; an empty list when CUPS is missing. */
export function useCupsPrinters(enabled = true) {
  return useQuery({ queryKey: printerKeys.cups, queryFn: () => call(PrintersAPI.CupsPrinters), enabled, staleTime: 60_000 });
}

export function useSetPrinter() {
  const qc = useQueryClient();
  return useMutation<WorkstationPrinter, ApiError, { document: PrinterDocument; kind: PrinterKind; target: string }>({
    mutationFn: (input) => call(() => PrintersAPI.SetPrinter(app.PrinterInput.createFrom(input))),
    onSuccess: () => qc.invalidateQueries({ queryKey: printerKeys.printers }),
  });
}

export function useClearPrinter() {
  const qc = useQueryClient();
  return useMutation<void, ApiError, PrinterDocument>({
    mutationFn: (document) => call(() => PrintersAPI.ClearPrinter(document)),
    onSuccess: () => qc.invalidateQueries({ queryKey: printerKeys.printers }),
  });
}

/** Sends an order's document to this workstation's printer for it; resolves to where it went. */
export function usePrintDocument() {
  return useMutation<string, ApiError, { kind: DocumentKind; orderId: string }>({
    mutationFn: ({ kind, orderId }) => call(() => DocumentsAPI.PrintDocument(kind, orderId)),
  });
}

/** Opens an order's document in the system's PDF viewer (desktop window only). */
export function useOpenDocument() {
  return useMutation<void, ApiError, { kind: DocumentKind; orderId: string }>({
    mutationFn: ({ kind, orderId }) => call(() => DocumentsAPI.OpenDocument(kind, orderId)),
  });
}

/** Whether the error says this workstation has no printer for the document (the fix is in Settings → Printers). */
export function isNoPrinterError(err: ApiError | null | undefined): boolean {
  return !!err && err.code === 'ENOTFOUND' && err.field === 'printer';
}
