/** Human names of movement kinds. */
export const KIND_LABELS: Record<string, string> = {
  receipt: 'Receipt',
  sale: 'Sale',
  reservation: 'Reservation',
  release: 'Release',
  return: 'Return',
  adjustment: 'Adjustment',
  transfer: 'Transfer',
  count: 'Count',
};

const REF_LABELS: Record<string, string> = {
  order: 'Order',
  po: 'Purchase order',
  count: 'Stock count',
  transfer: 'Transfer',
  return: 'Return',
  import: 'Import',
};

/** "Purchase order …3f9a1c": the kind of reference and the end of its id, which its number also ends with. */
export function refText(refType: string, refId: string): string {
  if (!refType) return '';
  const label = REF_LABELS[refType] ?? refType;
  return refId ? `${label} …${refId.slice(-6).toUpperCase()}` : label;
}

/** A signed quantity: "+5", "-1", "0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
