import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { saveOrDownload } from './documents';
import { call, type ApiError } from './errors';
import { shipmentKeys, type Shipment } from './shipments';
import { ShipmentsAPI, app as models } from './wails';

// The warehouse's list of shipments and what it does with many at once
// (ShipmentsAPI.Shipments, UpdateStatuses and the batch documents). Keys
// are under shipmentKeys.all, so the backend's orders:changed event and the
// pack station's new shipments re-read them.

export type ShipmentRow = Shipment;
export type ShipmentListPage = { items: ShipmentRow[]; total: number };

/** What the Shipments tab asks the backend for: ShipmentQuery's fields. */
export type ShipmentListQuery = {
  status: string;
  carrierId: string;
  from: string; // YYYY-MM-DD, "" open
  to: string;
  query: string; // a shipment or tracking number, exactly
  limit: number;
  offset: number;
};

/** The documents of a batch of shipments: every package's label, or one packing slip per shipment. */
export type BatchKind = 'label' | 'packing-slip';

/** The orders a batch document prints in: "" as selected, by order number, by first bin, by carrier. */
export type BatchSort = '' | 'number' | 'bin' | 'carrier';

export const shipmentListKeys = {
  all: [...shipmentKeys.all, 'list'] as const,
  page: (q: ShipmentListQuery) => [...shipmentKeys.all, 'list', q.status, q.carrierId, q.from, q.to, q.query, q.limit, q.offset] as const,
};

export function fetchShipmentPage(q: ShipmentListQuery): Promise<ShipmentListPage> {
  return call(() => ShipmentsAPI.Shipments(models.ShipmentQuery.createFrom({ ...q, orderId: '' })));
}

/** One page of shipments, newest first; the previous page stays on screen while the next loads. */
export function useShipmentPage(q: ShipmentListQuery) {
  return useQuery({ queryKey: shipmentListKeys.page(q), queryFn: () => fetchShipmentPage(q), placeholderData: keepPreviousData });
}

/** Moves every shipment of ids to status in one transaction (all or none); resolves to them after. */
export function useUpdateStatuses() {
  const qc = useQueryClient();
  return useMutation<ShipmentRow[], ApiError, { ids: string[]; status: string; note: string }>({
    mutationFn: ({ ids, status, note }) => call(() => ShipmentsAPI.UpdateStatuses(ids, status, note)),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['orders'] }),
  });
}

type BatchVars = { kind: BatchKind; ids: string[]; sortBy: BatchSort };

/** Saves one PDF of a batch: the native save dialog in the desktop window, a download in a browser. */
export function useSaveBatch() {
  return useMutation<string, ApiError, BatchVars>({
    mutationFn: ({ kind, ids, sortBy }) =>
      saveOrDownload(
        () => ShipmentsAPI.SaveBatch(kind, ids, sortBy),
        () => ShipmentsAPI.BatchData(kind, ids, sortBy),
      ),
  });
}

/** Sends a batch to this workstation's printer for its kind; resolves to where it went. */
export function usePrintBatch() {
  return useMutation<string, ApiError, BatchVars>({
    mutationFn: ({ kind, ids, sortBy }) => call(() => ShipmentsAPI.PrintBatch(kind, ids, sortBy)),
  });
}
