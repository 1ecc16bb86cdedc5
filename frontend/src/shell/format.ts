/** "1 change waiting" / "3 changes waiting". */
export function pendingText(n: number): string {
  return `${n} ${n === 1 ? 'change' : 'changes'} waiting`;
}

/** A backend RFC 3339 time in the user's locale; "" stays "", unparsable text shows as is. */
export function formatDateTime(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleString();
}

/** Whether an RFC 3339 "locked until" lies in the future. */
export function isLockedNow(lockedUntil: string, now: Date = new Date()): boolean {
  if (!lockedUntil) return false;
  const d = new Date(lockedUntil);
  return !Number.isNaN(d.getTime()) && d.getTime() > now.getTime();
}
