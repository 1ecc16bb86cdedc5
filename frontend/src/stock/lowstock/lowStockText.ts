import type { LowStockLine } from '../../api/stock';

/** How many newly-low lines get a notification each; the rest are summed up in one. */
export const MAX_LOW_NOTIFICATIONS = 3;

/** The sentence a low-stock notification shows for one line. */
export function lowStockMessage(l: Pick<LowStockLine, 'sku' | 'name' | 'available' | 'reorderPoint' | 'warehouse'>): string {
  return `Low stock: ${l.sku} ${l.name} (available ${l.available}, reorder point ${l.reorderPoint})${l.warehouse ? ` in ${l.warehouse}` : ''}`;
}

/** The notifications for an event's newly-low lines: one each up to MAX_LOW_NOTIFICATIONS, then one for the rest. */
export function lowStockMessages(lines: readonly LowStockLine[]): string[] {
  const out = lines.slice(0, MAX_LOW_NOTIFICATIONS).map(lowStockMessage);
  const rest = lines.length - MAX_LOW_NOTIFICATIONS;
  if (rest > 0) out.push(`Low stock: ${rest} more product${rest === 1 ? '' : 's'} fell below the reorder point`);
  return out;
}

/** The badge's accessible name. */
export function lowStockBadgeLabel(count: number): string {
  return `${count} low-stock line${count === 1 ? '' : 's'}`;
}
