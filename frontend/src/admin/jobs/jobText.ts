// Display helpers for Admin → Jobs: schedules in words, durations, labels,
// and the edit form's values. No scheduling rules live here: the backend
// parses and checks the cron spec; this only describes the simple ones.

export type JobKind = 'low-stock' | 'draft-expiry' | 'report';

export const KIND_LABELS: Readonly<Record<string, string>> = {
  'low-stock': 'Low-stock check',
  'draft-expiry': 'Draft expiry',
  report: 'Report',
};

export const REPORT_LABELS: Readonly<Record<string, string>> = {
  sales: 'Sales',
  orders: 'Orders',
  inventory: 'Inventory',
  'low-stock': 'Low stock',
  movements: 'Stock movements',
  customers: 'Customers',
  payments: 'Payments',
  returns: 'Returns',
};

export const RANGE_LABELS: Readonly<Record<string, string>> = {
  yesterday: 'Yesterday',
  'last-7-days': 'The last 7 days',
  'last-month': 'Last month',
  'month-to-date': 'This month so far',
};

export const STATUS_LABELS: Readonly<Record<string, { label: string; color: string }>> = {
  running: { label: 'Running', color: 'blue' },
  ok: { label: 'OK', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  skipped: { label: 'Skipped', color: 'gray' },
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': 'Every year on 1 January at 00:00',
  '@annually': 'Every year on 1 January at 00:00',
  '@monthly': 'On the 1st of every month at 00:00',
  '@weekly': 'Every Sunday at 00:00',
  '@daily': 'Every day at 00:00',
  '@midnight': 'Every day at 00:00',
  '@hourly': 'Every hour, on the hour',
};

const num = (s: string, lo: number, hi: number): number | null => {
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n >= lo && n <= hi ? n : null;
};

const pad = (n: number) => String(n).padStart(2, '0');

function dayOfWeek(field: string): string | null {
  if (field === '*') return 'Every day';
  if (field === '1-5') return 'Weekdays';
  if (field === '0,6' || field === '6,0') return 'Weekends';
  const d = num(field, 0, 7);
  if (d !== null) return `Every ${DAYS[d % 7]}`;
  const list = field.split(',').map((f) => num(f, 0, 7));
  if (list.length > 1 && list.every((d) => d !== null)) {
    const names = list.map((d) => DAYS[(d as number) % 7]);
    return `Every ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }
  return null;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/**
 * A cron spec in words when it is a simple one ("0 7 * * 1-5" → "Weekdays at
 * 07:00"); null when it is not, and the spec is shown as it is.
 */
export function describeSpec(spec: string): string | null {
  const s = spec.trim();
  if (s in DESCRIPTORS) return DESCRIPTORS[s];
  const every = /^@every\s+(\d+)(m|h)$/.exec(s);
  if (every) {
    const n = Number(every[1]);
    const unit = every[2] === 'h' ? 'hour' : 'minute';
    return n === 1 ? `Every ${unit}` : `Every ${n} ${unit}s`;
  }
  const f = s.split(/\s+/);
  if (f.length !== 5) return null;
  const [min, hour, dom, month, dow] = f;
  if (month !== '*') return null;
  if (min === '*' && hour === '*' && dom === '*' && dow === '*') return 'Every minute';
  const step = /^\*\/(\d{1,2})$/.exec(min);
  if (step && hour === '*' && dom === '*' && dow === '*') return `Every ${Number(step[1])} minutes`;
  const m = num(min, 0, 59);
  if (m === null) return null;
  if (hour === '*' && dom === '*' && dow === '*') return m === 0 ? 'Every hour, on the hour' : `Every hour at ${m} past`;
  const h = num(hour, 0, 23);
  if (h === null) return null;
  const time = `${pad(h)}:${pad(m)}`;
  if (dom === '*') {
    const days = dayOfWeek(dow);
    return days ? `${days} at ${time}` : null;
  }
  const d = num(dom, 1, 31);
  if (d !== null && dow === '*') return `On the ${ordinal(d)} of every month at ${time}`;
  return null;
}

/** A run's duration: "0.4 s", "12 s", "3 min 5 s"; "" for none. */
export function formatDuration(ms: number, finished: boolean): string {
  if (!finished) return '';
  if (ms < 10_000) return `${(Math.max(ms, 0) / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  return s % 60 === 0 ? `${min} min` : `${min} min ${s % 60} s`;
}

/** The edit form's values, flat, for one schedule. */
export interface ScheduleFormValues {
  name: string;
  spec: string;
  enabled: boolean;
  days: number | string;
  report: string;
  folder: string;
  range: string;
}

export const SCHEDULE_FIELDS = ['name', 'spec', 'days', 'report', 'folder', 'range'] as const;

export function formValuesOf(s: {
  name: string;
  spec: string;
  enabled: boolean;
  params: { days: number; report: string; folder: string; range: string };
}): ScheduleFormValues {
  return {
    name: s.name,
    spec: s.spec,
    enabled: s.enabled,
    days: s.params.days || 30,
    report: s.params.report,
    folder: s.params.folder,
    range: s.params.range,
  };
}

export const emptyReportSchedule: ScheduleFormValues = {
  name: '',
  spec: '0 18 * * *',
  enabled: true,
  days: 30,
  report: 'sales',
  folder: '',
  range: 'yesterday',
};

/** The input the backend takes; only the kind's own params count there. */
export function inputOf(kind: string, v: ScheduleFormValues) {
  return {
    name: v.name.trim(),
    spec: v.spec.trim(),
    enabled: v.enabled,
    params: {
      days: kind === 'draft-expiry' ? Number(v.days) || 0 : 0,
      report: kind === 'report' ? v.report : '',
      folder: kind === 'report' ? v.folder.trim() : '',
      range: kind === 'report' ? v.range : '',
    },
  };
}

/** Early checks before the backend's: what is plainly missing. */
export function validateSchedule(kind: string, v: ScheduleFormValues): Partial<Record<keyof ScheduleFormValues, string>> {
  const errors: Partial<Record<keyof ScheduleFormValues, string>> = {};
  if (v.spec.trim() === '') errors.spec = 'Enter a schedule, for example "0 7 * * *" for every day at 07:00.';
  if (kind === 'report') {
    if (v.name.trim() === '') errors.name = 'Enter a name for the schedule.';
    if (v.enabled && v.folder.trim() === '') errors.folder = 'Choose the folder the report is written to.';
  }
  if (kind === 'draft-expiry') {
    const n = Number(v.days);
    if (!Number.isInteger(n) || n < 1) errors.days = 'Keep drafts for at least 1 day.';
  }
  return errors;
}
