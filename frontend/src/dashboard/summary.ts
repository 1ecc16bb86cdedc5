// Turns the dashboard summary into what the charts and lists draw. The
// figures themselves come from the backend (internal/dashboard); this only
// reshapes and labels them.
import type { DashboardView } from '../api/dashboard';
import { ORDER_STATUSES, statusLabel } from '../api/orders';
import { formatMinor } from '../stock/money';

/** One point of the sales chart: the day's label, and gross in major units for the axis. */
export interface DayPoint {
  date: string;
  label: string;
  gross: number;
  grossMinor: number;
  orders: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-05" -> "5 Mar", read from the digits (a Date would shift it to another zone). */
export function dayLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]}`;
}

/** The daily sales as chart points, oldest first, every day kept (zeros too). */
export function salesSeries(daily: DashboardView['daily'], minorUnits: number): DayPoint[] {
  const scale = 10 ** minorUnits;
  return daily.map((d) => ({
    date: d.date,
    label: dayLabel(d.date),
    gross: d.gross / scale,
    grossMinor: d.gross,
    orders: d.orders,
  }));
}

/** One bar of the orders-by-status chart. */
export interface StatusPoint {
  status: string;
  label: string;
  orders: number;
  color: string;
}

/** Orders by status in lifecycle order (cancelled last), with the status colours the orders list uses. */
export function statusSeries(byStatus: DashboardView['byStatus']): StatusPoint[] {
  const rank = (s: string) => {
    const i = ORDER_STATUSES.findIndex((x) => x.value === s);
    return i < 0 ? ORDER_STATUSES.length : i;
  };
  return [...byStatus]
    .sort((a, b) => rank(a.status) - rank(b.status))
    .map((c) => ({
      status: c.status,
      label: statusLabel(c.status),
      orders: c.orders,
      color: `${ORDER_STATUSES.find((x) => x.value === c.status)?.color ?? 'gray'}.6`,
    }));
}

/** The best day of the series (most gross), or null when nothing sold. */
export function bestDay(points: readonly DayPoint[]): DayPoint | null {
  let best: DayPoint | null = null;
  for (const p of points) if (p.grossMinor > 0 && (!best || p.grossMinor > best.grossMinor)) best = p;
  return best;
}

/** One thing a manager must act on, with where it is settled. */
export interface ExceptionItem {
  key: string;
  kind: 'refund' | 'backorder' | 'shipment' | 'negative';
  title: string;
  detail: string;
  to: string;
}

/** The exceptions as one list of links, grouped by kind in the order a manager settles them. */
export function exceptionItems(x: DashboardView['exceptions'], minorUnits: number, currency: string): ExceptionItem[] {
  const money = (m: number) => (currency ? `${formatMinor(m, minorUnits)} ${currency}` : formatMinor(m, minorUnits));
  return [
    ...x.pendingRefunds.map((r) => ({
      key: `refund-${r.orderId}`,
      kind: 'refund' as const,
      title: `Refund to pay out on ${r.orderNumber}`,
      detail: money(r.amount),
      to: `/orders/${r.orderId}`,
    })),
    ...x.shipmentExceptions.map((s) => ({
      key: `shipment-${s.shipmentId}`,
      kind: 'shipment' as const,
      title: `Shipment ${s.number} of ${s.orderNumber}: carrier exception`,
      detail: [s.carrier, s.tracking].filter(Boolean).join(' · '),
      to: `/orders/${s.orderId}`,
    })),
    ...x.backorders.map((b, i) => ({
      key: `backorder-${b.orderId}-${b.productId}-${i}`,
      kind: 'backorder' as const,
      title: `${b.orderNumber} waits for ${b.backordered} × ${b.sku}`,
      detail: b.name,
      to: '/orders/backorders',
    })),
    ...x.negativeStock.map((n, i) => ({
      key: `negative-${n.productId}-${n.warehouseId}-${i}`,
      kind: 'negative' as const,
      title: `${n.sku} is at ${n.onHand} in ${n.warehouseCode}`,
      detail: n.name,
      to: `/stock/products/${n.productId}`,
    })),
  ];
}

/** How many exceptions there are in all (the lists are capped, the counts are not). */
export function exceptionCount(x: DashboardView['exceptions']): number {
  return x.pendingRefundCount + x.backorderCount + x.shipmentExceptionCount + x.negativeStockCount;
}
