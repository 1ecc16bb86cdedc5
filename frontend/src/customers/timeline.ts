import type { InteractionView } from '../api/customers';

export type InteractionKind = 'call' | 'email' | 'visit' | 'note' | 'complaint';

export const INTERACTION_KINDS: readonly { value: InteractionKind; label: string }[] = [
  { value: 'call', label: 'Call' },
  { value: 'email', label: 'Email' },
  { value: 'visit', label: 'Visit' },
  { value: 'note', label: 'Note' },
  { value: 'complaint', label: 'Complaint' },
];

export const MAX_INTERACTION_TEXT = 10_000;

export function kindLabel(kind: string): string {
  return INTERACTION_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/** Field errors of a new interaction, mirroring internal/customer. */
export function validateInteraction(v: { kind: string; text: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!INTERACTION_KINDS.some((k) => k.value === v.kind)) errors.kind = 'Choose call, email, visit, note or complaint.';
  const n = [...v.text.trim()].length;
  if (n === 0) errors.text = 'Describe the interaction.';
  else if (n > MAX_INTERACTION_TEXT) errors.text = `Use at most ${MAX_INTERACTION_TEXT} characters (this has ${n}).`;
  return errors;
}

export interface TimelineDay {
  /** The local calendar day, YYYY-MM-DD. */
  day: string;
  items: InteractionView[];
}

function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Groups a timeline (newest first, as Go returns it) by local calendar day,
 * keeping the order within and across days. Entries with an unreadable time
 * go into a day of their own, "".
 */
export function groupByDay(items: readonly InteractionView[]): TimelineDay[] {
  const out: TimelineDay[] = [];
  for (const it of items) {
    const d = new Date(it.occurredAt);
    const day = Number.isNaN(d.getTime()) ? '' : localDay(d);
    const last = out[out.length - 1];
    if (last && last.day === day) last.items.push(it);
    else out.push({ day, items: [it] });
  }
  return out;
}

/** A heading for a day of the timeline: "Today", "Yesterday" or the date in the user's locale. */
export function dayLabel(day: string, now: Date = new Date()): string {
  if (day === '') return 'Unknown date';
  if (day === localDay(now)) return 'Today';
  const y = new Date(now);
  y.setDate(y.getDate() - 1);
  if (day === localDay(y)) return 'Yesterday';
  const [yy, mm, dd] = day.split('-').map(Number);
  return new Date(yy, mm - 1, dd).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** The time of day of an entry in the user's locale. */
export function timeOfDay(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
