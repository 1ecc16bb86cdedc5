// Display helpers for Admin → Sync and the status bar: the sync state in
// words, the inbox's directions, and the enrolment form's early checks. The
// backend decides what the state is; this only says it.
import { formatDateTime } from '../../shell/format';

export const DIRECTION_LABELS: Readonly<Record<string, string>> = {
  push: 'Refused by the server',
  pull: 'Not applied here',
};

export function directionLabel(direction: string): string {
  return DIRECTION_LABELS[direction] ?? direction;
}

/** What an inbox entry concerns: "order 0193…" with the operation when it is not a plain upsert. */
export function inboxWhat(e: { entity: string; entityId: string; op: string }): string {
  const entity = e.entity.replace(/_/g, ' ');
  const op = e.op && e.op !== 'upsert' && e.op !== 'insert' ? ` (${e.op})` : '';
  return `${entity} ${e.entityId}${op}`.trim();
}

/** Label and value rows of the enrolled workstation's card, in reading order; empty values are left out. */
export function stateRows(s: {
  serverUrl: string;
  stationCode: string;
  deviceName: string;
  deviceId: string;
  enrolledAt: string;
  pending: number;
  lastSync: string;
  lastAttempt: string;
  nextTry: string;
  lastRound: string;
}): { label: string; value: string }[] {
  const rows = [
    { label: 'Server', value: s.serverUrl },
    { label: 'Station code', value: s.stationCode },
    { label: 'Device', value: [s.deviceName, s.deviceId && `(${s.deviceId})`].filter(Boolean).join(' ') },
    { label: 'Enrolled', value: formatDateTime(s.enrolledAt) },
    { label: 'Changes waiting', value: String(s.pending) },
    { label: 'Last sync', value: s.lastSync ? formatDateTime(s.lastSync) : 'Not synced yet' },
    { label: 'Last attempt', value: formatDateTime(s.lastAttempt) },
    { label: 'Next retry', value: formatDateTime(s.nextTry) },
    { label: 'Last round', value: s.lastRound },
  ];
  return rows.filter((r) => r.value !== '');
}

export interface EnrolFormValues {
  serverUrl: string;
  token: string;
}

export const ENROL_FIELDS = ['serverUrl', 'token'] as const;

/** Early checks before the backend's: what is plainly missing or not an address. */
export function validateEnrol(v: EnrolFormValues): Partial<Record<keyof EnrolFormValues, string>> {
  const errors: Partial<Record<keyof EnrolFormValues, string>> = {};
  const url = v.serverUrl.trim();
  if (url === '') errors.serverUrl = "Enter the sync server's address, e.g. https://oms.example.com:8470.";
  else if (!/^https?:\/\/[^\s/]+/i.test(url)) errors.serverUrl = 'The address starts with https:// (or http:// on this computer), e.g. https://oms.example.com:8470.';
  if (v.token.trim() === '') errors.token = "Enter the enrolment token the server's admin gave you (oms token).";
  return errors;
}

/** The first sync's progress in words: "Receiving data… 120 of 400". */
export function progressText(p: { phase: string; done: number; total: number } | null): string {
  if (!p) return 'Connecting to the server…';
  const what = p.phase === 'push' ? 'Sending changes…' : 'Receiving data…';
  if (p.total > 0) return `${what} ${p.done} of ${p.total}`;
  return p.done > 0 ? `${what} ${p.done}` : what;
}

/** Whether the last sync error says the server refused this database as a copy of an enrolled workstation. */
export function isCopyError(lastError: string): boolean {
  return /is a copy of (an enrolled|the) workstation/.test(lastError);
}
