/**
 * Whether the granted permissions include `required`. A grant of "*" covers
 * everything and "orders.*" covers every "orders.x". A required "orders.*"
 * means "any permission in the orders area". The Go services check again;
 * this only decides what the UI offers.
 */
export function hasPermission(granted: readonly string[] | null | undefined, required: string): boolean {
  if (!granted) return false;
  const area = required.endsWith('.*') ? required.slice(0, -1) : null;
  return granted.some((p) => {
    if (p === '*' || p === required) return true;
    if (p.endsWith('.*') && required.startsWith(p.slice(0, -1))) return true;
    return area !== null && p.startsWith(area);
  });
}
