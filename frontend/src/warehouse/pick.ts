import type { PickLine } from '../api/shipments';

// Pure helpers of the pick screen: a wave's order lines merged by product
// in the order of a walk through the warehouse, and how far picking is.

/** One product of a wave: what to take from its bin for all the wave's orders. */
export type PickRow = {
  productId: string;
  sku: string;
  name: string;
  bin: string;
  binSortKey: string;
  /** What the shelves should give (ordered less backordered). */
  toPick: number;
  picked: number;
  backordered: number;
  /** Still to pick: toPick - picked, never below 0. */
  open: number;
  /** The order numbers with this product, in the wave's order, each once. */
  orders: string[];
};

/**
 * Merges a wave's pick lines by product and sorts them for a walk through
 * the warehouse: by bin sort key, products in no bin last, then by SKU.
 */
export function mergePickLines(lines: readonly PickLine[]): PickRow[] {
  const rows = new Map<string, PickRow>();
  for (const l of lines) {
    let r = rows.get(l.productId);
    if (!r) {
      r = { productId: l.productId, sku: l.sku, name: l.name, bin: l.bin, binSortKey: l.binSortKey, toPick: 0, picked: 0, backordered: 0, open: 0, orders: [] };
      rows.set(l.productId, r);
    }
    if (!r.bin && l.bin) {
      r.bin = l.bin;
      r.binSortKey = l.binSortKey;
    }
    r.toPick += l.toPick;
    r.picked += l.picked;
    r.backordered += l.backordered;
    if (!r.orders.includes(l.orderNumber)) r.orders.push(l.orderNumber);
  }
  const out = [...rows.values()];
  for (const r of out) r.open = Math.max(r.toPick - r.picked, 0);
  return out.sort((a, b) => {
    if (!a.bin !== !b.bin) return a.bin ? -1 : 1;
    const key = (a.binSortKey || a.bin).localeCompare(b.binSortKey || b.bin);
    return key !== 0 ? key : a.sku.localeCompare(b.sku);
  });
}

/** How far a wave is: units picked, backordered and still open, and whether nothing is left. */
export function pickProgress(rows: readonly PickRow[]) {
  let toPick = 0;
  let picked = 0;
  let backordered = 0;
  let open = 0;
  for (const r of rows) {
    toPick += r.toPick;
    picked += Math.min(r.picked, r.toPick);
    backordered += r.backordered;
    open += r.open;
  }
  const total = toPick + backordered;
  return {
    toPick,
    picked,
    backordered,
    open,
    /** Percent of the ordered units that are picked or backordered. */
    percent: total === 0 ? 0 : Math.round(((picked + backordered) / total) * 100),
    done: rows.length > 0 && open === 0,
  };
}

/** The wave's order ids from the route's ?orders=a,b (deduplicated, at most 200). */
export function waveFromSearch(search: string): string[] {
  const raw = new URLSearchParams(search).get('orders') ?? '';
  return [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 200);
}
