import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call, toApiError, type ApiError } from './errors';
import { stockKeys } from './stock';
import type { app } from './wails';
import { EventsOn, OrdersAPI, PaymentsAPI, app as models } from './wails';

// Plain data views of the generated order models (see types.ts).
type Data<T> = Omit<T, 'convertValues'>;
export type OrderAddress = Data<app.OrderAddress>;
export type OrderLine = Data<app.OrderLineView>;
export type OrderEvent = Data<app.OrderEventView>;
export type RateView = Data<app.RateView>;
export type Order = Omit<
  Data<app.OrderView>,
  'lines' | 'events' | 'rates' | 'billingAddress' | 'shippingAddress'
> & {
  billingAddress: OrderAddress;
  shippingAddress: OrderAddress;
  lines: OrderLine[];
  events: OrderEvent[];
  rates: RateView[];
};
export type OrderQuery = Data<app.OrderQuery>;
export type OrderFilter = Omit<OrderQuery, 'limit' | 'offset'>;
export type OrderPage = { items: Order[]; total: number; capped: boolean };
export type OrderFields = Omit<Data<app.OrderFields>, 'billingAddress' | 'shippingAddress'> & {
  billingAddress: OrderAddress;
  shippingAddress: OrderAddress;
};
export type LineFields = Data<app.LineFields>;
export type NewOrderRequest = Data<app.NewOrderRequest>;
export type Backorder = Data<app.BackorderView>;
export type BackorderPage = { items: Backorder[]; total: number };

export type OrderStatus = 'draft' | 'confirmed' | 'picking' | 'packed' | 'shipped' | 'delivered' | 'cancelled';
export type Channel = 'counter' | 'phone' | 'email' | 'web';

/** The statuses in lifecycle order, then cancelled, with what people read. */
export const ORDER_STATUSES: readonly { value: OrderStatus; label: string; color: string }[] = [
  { value: 'draft', label: 'Draft', color: 'gray' },
  { value: 'confirmed', label: 'Confirmed', color: 'blue' },
  { value: 'picking', label: 'Picking', color: 'cyan' },
  { value: 'packed', label: 'Packed', color: 'teal' },
  { value: 'shipped', label: 'Shipped', color: 'indigo' },
  { value: 'delivered', label: 'Delivered', color: 'green' },
  { value: 'cancelled', label: 'Cancelled', color: 'red' },
];

export const CHANNELS: readonly { value: Channel; label: string }[] = [
  { value: 'counter', label: 'Counter' },
  { value: 'phone', label: 'Phone' },
  { value: 'email', label: 'Email' },
  { value: 'web', label: 'Web' },
];

/** "Delivered" for "delivered"; unknown statuses show as sent. */
export function statusLabel(status: string): string {
  return ORDER_STATUSES.find((s) => s.value === status)?.label ?? status;
}

export function statusColor(status: string): string {
  return ORDER_STATUSES.find((s) => s.value === status)?.color ?? 'gray';
}

export function channelLabel(channel: string): string {
  return CHANNELS.find((c) => c.value === channel)?.label ?? channel;
}

/** The stage an order goes to next by Advance, or null when none (draft is confirmed, not advanced). */
export function nextStage(status: string): OrderStatus | null {
  const order: Record<string, OrderStatus> = { confirmed: 'picking', picking: 'packed', packed: 'shipped', shipped: 'delivered' };
  return order[status] ?? null;
}

/** Whether an order can still be cancelled (not yet shipped). */
export function cancellable(status: string): boolean {
  return ['draft', 'confirmed', 'picking', 'packed'].includes(status);
}

/** Whether lines and header can still be edited. */
export function editable(status: string): boolean {
  return status === 'draft' || status === 'confirmed';
}

/** The full header fields of an order as UpdateOrder takes them, with changes laid over. */
export function fieldsOf(o: Order, changes: Partial<OrderFields> = {}): OrderFields {
  return {
    customerId: o.customerId,
    channel: o.channel,
    warehouseId: o.warehouseId,
    billingAddress: { ...o.billingAddress },
    shippingAddress: { ...o.shippingAddress },
    notes: o.notes,
    discountBps: o.discountBps,
    shipping: o.shipping,
    ...changes,
  };
}

/** The later of two readings of the same order (by version); either may be missing. */
export function newer(a: Order | null | undefined, b: Order | null | undefined): Order | null {
  if (!a) return b ?? null;
  if (!b || a.id !== b.id) return a;
  return b.version > a.version ? b : a;
}

/** True when the error says the order changed since it was read (reload, then try again). */
export function isVersionConflict(err: unknown): boolean {
  const e = toApiError(err);
  return e.code === 'ECONFLICT' && e.field === 'version';
}

/** Query keys of orders; everything starts with "orders". */
export const orderKeys = {
  all: ['orders'] as const,
  pages: ['orders', 'page'] as const,
  page: (f: OrderFilter, page: number, size: number) =>
    ['orders', 'page', f.status, f.paymentStatus, f.customerId, f.channel, f.from, f.to, f.query, page, size] as const,
  one: (id: string) => ['orders', 'one', id] as const,
  backorders: (warehouseId: string) => ['orders', 'backorders', warehouseId] as const,
};

export function fetchOrderPage(q: OrderQuery): Promise<OrderPage> {
  return call(() => OrdersAPI.FindOrders(models.OrderQuery.createFrom(q)));
}

export function fetchOrder(id: string): Promise<Order> {
  return call(() => OrdersAPI.Order(id));
}

/** Re-reads orders when the backend says one changed, and backorders when stock moved. */
export function useOrderEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof window === 'undefined' || !window.runtime) return;
    const offOrders = EventsOn('orders:changed', () => {
      void qc.invalidateQueries({ queryKey: orderKeys.all });
    });
    const offStock = EventsOn('stock:changed', () => {
      void qc.invalidateQueries({ queryKey: ['orders', 'backorders'] });
    });
    const offPayments = EventsOn('payments:changed', (orderId: string) => {
      void qc.invalidateQueries({ queryKey: paymentKeys.summary(orderId) });
      void qc.invalidateQueries({ queryKey: paymentKeys.payments(orderId) });
      // The list shows (and filters by) each order's payment status.
      void qc.invalidateQueries({ queryKey: orderKeys.pages });
    });
    const offDrawer = EventsOn('drawer:changed', () => {
      void qc.invalidateQueries({ queryKey: paymentKeys.drawer });
    });
    return () => {
      offOrders();
      offStock();
      offPayments();
      offDrawer();
    };
  }, [qc]);
}

export function useOrder(id: string | null | undefined) {
  return useQuery({ queryKey: orderKeys.one(id ?? ''), queryFn: () => fetchOrder(id ?? ''), enabled: !!id });
}

export function useBackorders(warehouseId = '', limit = 500) {
  return useQuery({
    queryKey: orderKeys.backorders(warehouseId),
    queryFn: () => call(() => OrdersAPI.Backorders(warehouseId, '', limit, 0)),
  });
}

/** Stores an order a mutation returned, unless the cache already holds a later version. */
export function storeOrder(qc: QueryClient, o: Order): void {
  qc.setQueryData<Order>(orderKeys.one(o.id), (prev) => newer(prev, o) ?? o);
}

/** An order change: the returned order goes into the cache; lists and stock are re-read. */
function useOrderMutation<V>(fn: (vars: V) => Promise<Order>) {
  const qc = useQueryClient();
  return useMutation<Order, ApiError, V>({
    mutationFn: (vars: V) => call(() => fn(vars)),
    onSuccess: (o) => {
      storeOrder(qc, o);
      void qc.invalidateQueries({ queryKey: orderKeys.pages });
      void qc.invalidateQueries({ queryKey: ['orders', 'backorders'] });
      if (o.status !== 'draft') void qc.invalidateQueries({ queryKey: stockKeys.all });
    },
  });
}

export const useNewOrder = () =>
  useOrderMutation((req: NewOrderRequest) => OrdersAPI.NewOrder(models.NewOrderRequest.createFrom(req)));

export const useUpdateOrder = () =>
  useOrderMutation(({ id, version, fields }: { id: string; version: number; fields: OrderFields }) =>
    OrdersAPI.UpdateOrder(id, version, models.OrderFields.createFrom(fields)),
  );

export const useAddLine = () =>
  useOrderMutation(
    ({ orderId, version, productId, quantity, discountBps = 0 }: { orderId: string; version: number; productId: string; quantity: number; discountBps?: number }) =>
      OrdersAPI.AddLine(orderId, version, productId, quantity, discountBps),
  );

export const useScan = () =>
  useOrderMutation(({ orderId, version, code, quantity }: { orderId: string; version: number; code: string; quantity: number }) =>
    OrdersAPI.Scan(orderId, version, code, quantity),
  );

export const useUpdateLine = () =>
  useOrderMutation(({ lineId, version, fields }: { lineId: string; version: number; fields: LineFields }) =>
    OrdersAPI.UpdateLine(lineId, version, models.LineFields.createFrom(fields)),
  );

export const useRemoveLine = () =>
  useOrderMutation(({ lineId, version }: { lineId: string; version: number }) => OrdersAPI.RemoveLine(lineId, version));

export const useConfirmOrder = () =>
  useOrderMutation(({ id, version }: { id: string; version: number }) => OrdersAPI.Confirm(id, version));

export const useHandOver = () => useOrderMutation((id: string) => OrdersAPI.HandOver(id));

export const useCancelOrder = () =>
  useOrderMutation(({ id, note }: { id: string; note: string }) => OrdersAPI.Cancel(id, note));

export const useAdvanceOrder = () =>
  useOrderMutation(({ id, to, note = '' }: { id: string; to: string; note?: string }) => OrdersAPI.Advance(id, to, note));

export function useDeleteDraft() {
  const qc = useQueryClient();
  return useMutation<void, ApiError, { id: string; version: number }>({
    mutationFn: ({ id, version }) => call(() => OrdersAPI.DeleteDraft(id, version)),
    onSuccess: (_, { id }) => {
      qc.removeQueries({ queryKey: orderKeys.one(id) });
      void qc.invalidateQueries({ queryKey: orderKeys.pages });
    },
  });
}

export function useAllocateBackorders() {
  const qc = useQueryClient();
  return useMutation<number, ApiError, { warehouseId: string; productIds: string[] }>({
    mutationFn: ({ warehouseId, productIds }) => call(() => OrdersAPI.AllocateBackorders(warehouseId, productIds)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: orderKeys.all });
      void qc.invalidateQueries({ queryKey: stockKeys.all });
    },
  });
}

// ---- Payments of an order (PaymentsAPI), as the counter takes them ----

export type PaymentMethod = Data<app.PaymentMethodView>;
export type Payment = Omit<Data<app.PaymentView>, 'settlement'>;
export type PaymentSummary = Data<app.PaymentSummaryView>;
export type PaymentRequest = Data<app.PaymentRequest>;
export type PaymentResult = { payment: Payment; summary: PaymentSummary };
export type DrawerSession = Data<app.DrawerSessionView>;

export const paymentKeys = {
  methods: ['orders', 'paymentMethods'] as const,
  payments: (orderId: string) => ['orders', 'payments', orderId] as const,
  summary: (orderId: string) => ['orders', 'paymentSummary', orderId] as const,
  drawer: ['orders', 'drawer'] as const,
};

export function usePaymentMethods() {
  return useQuery({ queryKey: paymentKeys.methods, queryFn: () => call(() => PaymentsAPI.PaymentMethods(true)) });
}

export function fetchPaymentSummary(orderId: string): Promise<PaymentSummary> {
  return call(() => PaymentsAPI.PaymentSummary(orderId));
}

export function usePaymentSummary(orderId: string | null | undefined) {
  return useQuery({
    queryKey: paymentKeys.summary(orderId ?? ''),
    queryFn: () => fetchPaymentSummary(orderId ?? ''),
    enabled: !!orderId,
  });
}

export function usePayments(orderId: string | null | undefined) {
  return useQuery({
    queryKey: paymentKeys.payments(orderId ?? ''),
    queryFn: () => call(() => PaymentsAPI.Payments(orderId ?? '')),
    enabled: !!orderId,
  });
}

export function useCurrentDrawer(enabled = true) {
  return useQuery({ queryKey: paymentKeys.drawer, queryFn: () => call(PaymentsAPI.CurrentDrawer), enabled });
}

/** Records a payment; the order's summary is stored, its payments and the lists (payment column) re-read. */
export function useAddPayment() {
  const qc = useQueryClient();
  return useMutation<PaymentResult, ApiError, { orderId: string; request: PaymentRequest }>({
    mutationFn: ({ orderId, request }) => call(() => PaymentsAPI.AddPayment(orderId, models.PaymentRequest.createFrom(request))),
    onSuccess: (r, { orderId }) => {
      qc.setQueryData(paymentKeys.summary(orderId), r.summary);
      void qc.invalidateQueries({ queryKey: paymentKeys.payments(orderId) });
      void qc.invalidateQueries({ queryKey: orderKeys.pages });
    },
  });
}

export function useOpenDrawer() {
  const qc = useQueryClient();
  return useMutation<DrawerSession, ApiError, { openingFloat: number; note: string }>({
    mutationFn: ({ openingFloat, note }) => call(() => PaymentsAPI.OpenDrawer(openingFloat, note)),
    onSuccess: (d) => qc.setQueryData(paymentKeys.drawer, d),
  });
}
