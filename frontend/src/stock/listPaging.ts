import { SEARCH_TOTAL_CAP } from '../api/catalog';

/** The pages (of pageSize rows) that hold these row indexes, in order, each once. */
export function pagesFor(indexes: readonly number[], pageSize: number): number[] {
  const out: number[] = [];
  for (const i of indexes) {
    const p = Math.floor(i / pageSize);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** How many rows the list scrolls through: a search counts at most SEARCH_TOTAL_CAP. */
export function rowCountFor(total: number, searching: boolean): number {
  return searching ? Math.min(total, SEARCH_TOTAL_CAP) : total;
}

/** "1 product", "300,000 products", or for a capped search "More than 10,000 products; type more to narrow". */
export function totalText(total: number, searching: boolean): string {
  if (searching && total > SEARCH_TOTAL_CAP) {
    return `More than ${SEARCH_TOTAL_CAP.toLocaleString('en-US')} products; type more to narrow the search.`;
  }
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'product' : 'products'}`;
}
