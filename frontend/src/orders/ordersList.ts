import type { OrderAddress, OrderFilter } from '../api/orders';

/** The filter keys kept in the orders list's URL, so Back returns to the same list. */
const PARAMS = {
  status: 'status',
  paymentStatus: 'payment',
  channel: 'channel',
  customerId: 'customer',
  from: 'from',
  to: 'to',
  query: 'q',
} as const;

export type PaymentStatus = 'unpaid' | 'partly_paid' | 'paid' | 'overpaid' | 'refunded';

/** How far an order is paid, as the backend derives it from its payments, with what people read. */
export const PAYMENT_STATUS: Readonly<Record<PaymentStatus, { label: string; color: string }>> = {
  unpaid: { label: 'Unpaid', color: 'red' },
  partly_paid: { label: 'Partly paid', color: 'yellow' },
  paid: { label: 'Paid', color: 'green' },
  overpaid: { label: 'Overpaid', color: 'orange' },
  refunded: { label: 'Refunded', color: 'gray' },
};

/** The payment statuses in order, for a select. */
export const PAYMENT_STATUSES = (Object.keys(PAYMENT_STATUS) as PaymentStatus[]).map((value) => ({
  value,
  label: PAYMENT_STATUS[value].label,
}));

/** The label and badge color of a payment status; an unknown one shows as sent, in gray. */
export function paymentStatusBadge(status: string): { label: string; color: string } {
  return PAYMENT_STATUS[status as PaymentStatus] ?? { label: status, color: 'gray' };
}

/** The orders list filter from the URL's search parameters; anything missing is "". */
export function filterFromParams(params: URLSearchParams): OrderFilter {
  const get = (k: keyof typeof PARAMS) => params.get(PARAMS[k]) ?? '';
  return {
    status: get('status'),
    paymentStatus: get('paymentStatus'),
    channel: get('channel'),
    customerId: get('customerId'),
    from: get('from'),
    to: get('to'),
    query: get('query').trim(),
  };
}

/** The URL search parameters for a filter, leaving out what is empty. */
export function paramsFromFilter(f: OrderFilter): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const v = f[k];
    if (v) out.set(name, v);
  }
  return out;
}

/** "No orders", "1 order", "12,345 orders". */
export function ordersText(total: number, capped = false): string {
  if (total === 0) return 'No orders';
  if (capped) return `More than ${(total - 1).toLocaleString('en-US')} orders: type more to narrow the search`;
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'order' : 'orders'}`;
}

/** Whether a calendar range is the wrong way round (both given, end before start). */
export function rangeError(from: string, to: string): string | null {
  return from && to && to < from ? 'The end date is before the start date.' : null;
}

/** An RFC 3339 time as a short local date and time for a list ("22/11/2026, 09:14"). */
export function shortDateTime(value: string): string {
  const d = new Date(value);
  if (!value || Number.isNaN(d.getTime())) return value;
  return d.toLocaleString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** The address lines that are filled in, in postal order. */
export function addressLines(a: OrderAddress): string[] {
  return [a.name, a.company, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country, a.phone].filter(
    (s) => s && s.trim() !== '',
  );
}
