import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { saveOrDownload } from './documents';
import { call, type ApiError } from './errors';
import { orderKeys, type Order } from './orders';
import { stockKeys } from './stock';
import type { app } from './wails';
import { ShipmentsAPI, app as models } from './wails';

// Fulfilment on the warehouse floor (ShipmentsAPI): picking by scanning, the
// pack station and shipments with their tracking. Every key starts with
// "orders", so the backend's orders:changed event re-reads them all.

type Data<T> = Omit<T, 'convertValues'>;
export type PickLine = Data<app.PickLineView>;
export type PickScan = { line: PickLine; quantity: number };
export type PackLine = Data<app.PackLineView>;
export type ShipmentPackage = Data<app.PackageView>;
export type ShipmentLine = Data<app.ShipmentLineView>;
export type ShipmentEvent = Data<app.ShipmentEventView>;
export type Shipment = Omit<Data<app.ShipmentView>, 'packages' | 'lines' | 'events'> & {
  packages: ShipmentPackage[];
  lines: ShipmentLine[];
  events: ShipmentEvent[];
};
export type PackOrder = Omit<Data<app.PackOrderView>, 'order' | 'lines' | 'shipments'> & {
  order: Order;
  lines: PackLine[];
  shipments: Shipment[];
};
export type ShipmentRequest = {
  orderId: string;
  carrierId: string;
  serviceId: string;
  trackingNumber: string;
  lines: { lineId: string; quantity: number }[];
  packages: { weightG: number; lengthMm: number; widthMm: number; heightMm: number }[];
};

export type ShipmentStatus = 'label_created' | 'in_transit' | 'delivered' | 'exception' | 'returned';

/** The shipment statuses with what people read and their badge colour. */
export const SHIPMENT_STATUSES: readonly { value: ShipmentStatus; label: string; color: string }[] = [
  { value: 'label_created', label: 'Label created', color: 'gray' },
  { value: 'in_transit', label: 'In transit', color: 'blue' },
  { value: 'delivered', label: 'Delivered', color: 'green' },
  { value: 'exception', label: 'Exception', color: 'orange' },
  { value: 'returned', label: 'Returned', color: 'red' },
];

export function shipmentStatusLabel(status: string): string {
  return SHIPMENT_STATUSES.find((s) => s.value === status)?.label ?? status;
}

export function shipmentStatusColor(status: string): string {
  return SHIPMENT_STATUSES.find((s) => s.value === status)?.color ?? 'gray';
}

// The backend's table of allowed steps (internal/shipping/shipment.go), for
// offering only the buttons that can succeed; the backend still decides.
const NEXT: Readonly<Record<string, readonly ShipmentStatus[]>> = {
  label_created: ['in_transit', 'exception', 'delivered', 'returned'],
  in_transit: ['delivered', 'exception', 'returned'],
  exception: ['in_transit', 'delivered', 'returned'],
  delivered: [],
  returned: [],
};

/** The statuses a shipment may move to next; none once delivered or returned (or unknown). */
export function nextShipmentSteps(status: string): readonly ShipmentStatus[] {
  return NEXT[status] ?? [];
}

/** Whether the shipment's journey is over (its tracking number can no longer change). */
export function shipmentClosed(status: string): boolean {
  return nextShipmentSteps(status).length === 0;
}

export const shipmentKeys = {
  all: ['orders', 'shipments'] as const,
  ofOrder: (orderId: string) => ['orders', 'shipments', 'order', orderId] as const,
  one: (id: string) => ['orders', 'shipments', 'one', id] as const,
  pickLines: (orderIds: readonly string[]) => ['orders', 'pick-lines', ...orderIds] as const,
};

/** The shipments of an order, newest first. */
export function useOrderShipments(orderId: string | null | undefined) {
  return useQuery({
    queryKey: shipmentKeys.ofOrder(orderId ?? ''),
    queryFn: () =>
      call(() => ShipmentsAPI.Shipments(models.ShipmentQuery.createFrom({ orderId, status: '', query: '', limit: 200, offset: 0 }))),
    enabled: !!orderId,
  });
}

/** One shipment with its events (the lists leave them out), read when enabled. */
export function useShipment(id: string, enabled = true) {
  return useQuery({
    queryKey: shipmentKeys.one(id),
    queryFn: (): Promise<Shipment> => call(() => ShipmentsAPI.Shipment(id)),
    enabled: enabled && !!id,
  });
}

/** What there is to pick of a wave of orders in picking, one entry per order line. */
export function usePickLines(orderIds: readonly string[]) {
  return useQuery({
    queryKey: shipmentKeys.pickLines(orderIds),
    queryFn: () => call(() => ShipmentsAPI.PickLines([...orderIds])),
    enabled: orderIds.length > 0,
  });
}

/** One scan of the pick screen: the backend ticks the wave's lines or refuses (nothing recorded). */
export function usePick(orderIds: readonly string[]) {
  const qc = useQueryClient();
  return useMutation<PickScan, ApiError, { code: string; quantity: number }>({
    mutationFn: ({ code, quantity }) => call(() => ShipmentsAPI.Pick([...orderIds], code, quantity)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: shipmentKeys.pickLines(orderIds) });
      void qc.invalidateQueries({ queryKey: orderKeys.pages });
    },
  });
}

/** Records units the shelves lacked: they are backordered; the wave's lines come back. */
export function useShortPick(orderIds: readonly string[]) {
  const qc = useQueryClient();
  return useMutation<PickLine[], ApiError, { productId: string; missing: number; note: string }>({
    mutationFn: ({ productId, missing, note }) => call(() => ShipmentsAPI.ShortPick([...orderIds], productId, missing, note)),
    onSuccess: (lines) => {
      qc.setQueryData(shipmentKeys.pickLines(orderIds), lines);
      void qc.invalidateQueries({ queryKey: orderKeys.all });
      void qc.invalidateQueries({ queryKey: stockKeys.all });
    },
  });
}

export function fetchPackOrder(number: string): Promise<PackOrder> {
  return call(() => ShipmentsAPI.PackOrder(number));
}

export function fetchPackOrderById(id: string): Promise<PackOrder> {
  return call(() => ShipmentsAPI.PackOrderByID(id));
}

/** Checks a scanned item against the order being packed; resolves to its line. */
export function packScan(orderId: string, code: string): Promise<PackLine> {
  return call(() => ShipmentsAPI.PackScan(orderId, code));
}

/** Re-reads what a shipment change touches: the order, its shipments, lists and stock. */
function useShipmentChanged() {
  const qc = useQueryClient();
  return (sh: Shipment) => {
    void qc.invalidateQueries({ queryKey: orderKeys.one(sh.orderId) });
    void qc.invalidateQueries({ queryKey: shipmentKeys.ofOrder(sh.orderId) });
    qc.setQueryData(shipmentKeys.one(sh.id), sh);
    void qc.invalidateQueries({ queryKey: orderKeys.pages });
    void qc.invalidateQueries({ queryKey: stockKeys.all });
  };
}

export function useCreateShipment() {
  const changed = useShipmentChanged();
  return useMutation<Shipment, ApiError, ShipmentRequest>({
    mutationFn: (req) => call(() => ShipmentsAPI.CreateShipment(models.ShipmentRequest.createFrom(req))),
    onSuccess: changed,
  });
}

export function useSetTracking() {
  const changed = useShipmentChanged();
  return useMutation<Shipment, ApiError, { id: string; trackingNumber: string }>({
    mutationFn: ({ id, trackingNumber }) => call(() => ShipmentsAPI.SetTracking(id, trackingNumber)),
    onSuccess: changed,
  });
}

export function useUpdateShipmentStatus() {
  const changed = useShipmentChanged();
  return useMutation<Shipment, ApiError, { id: string; status: ShipmentStatus; note: string }>({
    mutationFn: ({ id, status, note }) => call(() => ShipmentsAPI.UpdateStatus(id, status, note)),
    onSuccess: changed,
  });
}

/** A shipment's printed documents: its labels (one per package) and its packing slip. */
export type ShipmentDocument = 'labels' | 'packing-slip';

export const SHIPMENT_DOCUMENT_LABELS: Readonly<Record<ShipmentDocument, string>> = {
  labels: 'Labels',
  'packing-slip': 'Packing slip',
};

/** Saves a shipment's labels or packing slip: the native dialog in the desktop window, a download in a browser. */
export function useSaveShipmentDocument() {
  return useMutation<string, ApiError, { kind: ShipmentDocument; shipmentId: string }>({
    mutationFn: ({ kind, shipmentId }) =>
      kind === 'labels'
        ? saveOrDownload(
            () => ShipmentsAPI.SaveLabels(shipmentId),
            () => ShipmentsAPI.LabelsData(shipmentId),
          )
        : saveOrDownload(
            () => ShipmentsAPI.SavePackingSlip(shipmentId),
            () => ShipmentsAPI.PackingSlipData(shipmentId),
          ),
  });
}

/** Sends a shipment's labels or packing slip to this workstation's printer for it; resolves to where it went. */
export function usePrintShipmentDocument() {
  return useMutation<string, ApiError, { kind: ShipmentDocument; shipmentId: string }>({
    mutationFn: ({ kind, shipmentId }) =>
      call(() => (kind === 'labels' ? ShipmentsAPI.PrintLabels(shipmentId) : ShipmentsAPI.PrintPackingSlip(shipmentId))),
  });
}
