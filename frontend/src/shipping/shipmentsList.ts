import type { BatchSort, ShipmentListQuery, ShipmentRow } from '../api/shipmentBatch';
import { nextShipmentSteps, shipmentStatusColor, shipmentStatusLabel, type ShipmentStatus } from '../api/shipments';

// The Shipments tab's pure logic: its filters in the URL, the query they
// make, and the selection a batch works on.

/** A status's name and badge colour, as everywhere else shipments show. */
export function statusBadge(status: string): { label: string; color: string } {
  return { label: shipmentStatusLabel(status), color: shipmentStatusColor(status) };
}

/** "any" in the URL is every status; no status there is the default: waiting for the driver. */
export const ANY_STATUS = 'any';
export const DEFAULT_STATUS: ShipmentStatus = 'label_created';

/** The status filter's choices: the default first, named for what it means on the floor. */
export const STATUS_FILTER_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'label_created', label: 'Waiting for the driver' },
  { value: 'in_transit', label: 'In transit' },
  { value: 'exception', label: 'Exception' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'returned', label: 'Returned' },
  { value: ANY_STATUS, label: 'Any status' },
];

export const SORT_OPTIONS: readonly { value: BatchSort; label: string }[] = [
  { value: 'number', label: 'Order number' },
  { value: 'bin', label: 'Bin' },
  { value: 'carrier', label: 'Carrier' },
];

/** The most shipments one batch step or document takes (shipping.MaxBatch). */
export const MAX_BATCH = 500;

export type ShipmentsFilter = {
  status: string; // a status or ANY_STATUS
  carrierId: string;
  from: string;
  to: string;
  query: string;
};

export function filterFromParams(p: URLSearchParams): ShipmentsFilter {
  return {
    status: p.get('status') || DEFAULT_STATUS,
    carrierId: p.get('carrier') ?? '',
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    query: p.get('q') ?? '',
  };
}

/** The URL of a filter; the default status and empty fields are left out. */
export function paramsFromFilter(f: ShipmentsFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status && f.status !== DEFAULT_STATUS) p.set('status', f.status);
  if (f.carrierId) p.set('carrier', f.carrierId);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.query.trim()) p.set('q', f.query.trim());
  return p;
}

export function isDefaultFilter(f: ShipmentsFilter): boolean {
  return paramsFromFilter(f).toString() === '';
}

export function rangeError(from: string, to: string): string | null {
  return from && to && to < from ? 'The end date is before the start date.' : null;
}

/** What the backend is asked for one page (0-based) of the list: a bad range drops its end, as the field says. */
export function shipmentQuery(f: ShipmentsFilter, page: number, pageSize: number): ShipmentListQuery {
  return {
    status: f.status === ANY_STATUS ? '' : f.status,
    carrierId: f.carrierId,
    from: f.from,
    to: rangeError(f.from, f.to) ? '' : f.to,
    query: f.query.trim(),
    limit: pageSize,
    offset: Math.max(0, page) * pageSize,
  };
}

/** The sentence above the list: how many match, named by the status filter. */
export function listSummary(total: number, f: ShipmentsFilter): string {
  const n = total === 1 ? '1 shipment' : `${total.toLocaleString()} shipments`;
  switch (f.status) {
    case 'label_created':
      return `${n} waiting for the driver`;
    case ANY_STATUS:
      return n;
    default:
      return `${n} ${statusBadge(f.status).label.toLowerCase()}`;
  }
}

/** "1–50 of 1,234". */
export function rangeText(page: number, pageSize: number, total: number): string {
  if (total === 0) return '0 of 0';
  const start = page * pageSize + 1;
  const end = Math.min(total, (page + 1) * pageSize);
  return `${start.toLocaleString()}–${end.toLocaleString()} of ${total.toLocaleString()}`;
}

/** A creation time as the list shows it, short: "2 Mar, 09:14"; the year only when it is not this one. */
export function listDateTime(value: string, now: Date = new Date()): string {
  const d = new Date(value);
  if (!value || Number.isNaN(d.getTime())) return value;
  const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  if (d.getFullYear() !== now.getFullYear()) opts.year = 'numeric';
  return d.toLocaleString(undefined, opts);
}

/** Grams as people read a parcel's weight: "850 g", "1.25 kg". */
export function weightText(g: number): string {
  if (g < 1000) return `${g} g`;
  return `${(g / 1000).toLocaleString(undefined, { maximumFractionDigits: 2 })} kg`;
}

// Selection: shipments by id, kept across pages and filters until cleared,
// with the row as it was when ticked (for counts and the batch's order).

export type Selection = ReadonlyMap<string, ShipmentRow>;

export function toggleOne(sel: Selection, row: ShipmentRow): Selection {
  const next = new Map(sel);
  if (next.has(row.id)) next.delete(row.id);
  else next.set(row.id, row);
  return next;
}

/** Adds a row (a scanned parcel) without unticking it when it is already in. */
export function addOne(sel: Selection, row: ShipmentRow): Selection {
  if (sel.has(row.id)) return sel;
  return new Map(sel).set(row.id, row);
}

export type PageSelection = 'all' | 'some' | 'none';

export function pageSelection(sel: Selection, rows: readonly ShipmentRow[]): PageSelection {
  const n = rows.filter((r) => sel.has(r.id)).length;
  if (n === 0) return 'none';
  return n === rows.length ? 'all' : 'some';
}

/** The page's checkbox: ticks every row of the page, or unticks them all when every one is ticked. */
export function togglePage(sel: Selection, rows: readonly ShipmentRow[]): Selection {
  const next = new Map(sel);
  if (pageSelection(sel, rows) === 'all') rows.forEach((r) => next.delete(r.id));
  else rows.forEach((r) => next.set(r.id, r));
  return next;
}

export function selectionSummary(sel: Selection): string {
  const rows = [...sel.values()];
  const packages = rows.reduce((n, r) => n + r.packages.length, 0);
  const s = rows.length === 1 ? '1 shipment' : `${rows.length} shipments`;
  return `${s} selected, ${packages === 1 ? '1 package' : `${packages} packages`}`;
}

/** The selected shipments that cannot move to status, as they were when ticked. */
export function cannotStep(sel: Selection, status: string): ShipmentRow[] {
  return [...sel.values()].filter((r) => !nextShipmentSteps(r.status).includes(status as ShipmentStatus));
}
