import { describe, expect, it } from 'vitest';
import { enrolledSyncText, refusedText } from '../../shell/syncLine';
import { directionLabel, inboxWhat, isCopyError, progressText, stateRows, validateEnrol } from './syncText';

const line = { online: true, running: false, upgrade: false, lastSync: '', inbox: 0 };

describe('enrolledSyncText', () => {
  it('says syncing while a round runs, before anything else', () => {
    expect(enrolledSyncText({ ...line, running: true, upgrade: true })).toBe('Syncing…');
  });
  it('says an upgrade is required when the server refuses this version', () => {
    expect(enrolledSyncText({ ...line, upgrade: true })).toBe('Upgrade required');
  });
  it('says online or offline with the last sync', () => {
    expect(enrolledSyncText(line)).toBe('Online · not synced yet');
    expect(enrolledSyncText({ ...line, online: false })).toBe('Offline · not synced yet');
    expect(enrolledSyncText({ ...line, lastSync: '2026-12-01T10:00:00Z' })).toMatch(/^Online · last sync .+/);
  });
});

describe('refusedText', () => {
  it.each([
    [0, ''],
    [1, '1 refused'],
    [12, '12 refused'],
  ])('%d → %j', (n, text) => expect(refusedText(n)).toBe(text));
});

describe('inbox', () => {
  it('names the direction', () => {
    expect(directionLabel('push')).toBe('Refused by the server');
    expect(directionLabel('pull')).toBe('Not applied here');
    expect(directionLabel('other')).toBe('other');
  });
  it('names what the change concerns, with a delete', () => {
    expect(inboxWhat({ entity: 'order_lines', entityId: 'l1', op: 'upsert' })).toBe('order lines l1');
    expect(inboxWhat({ entity: 'products', entityId: 'p1', op: 'delete' })).toBe('products p1 (delete)');
  });
});

describe('stateRows', () => {
  const base = {
    serverUrl: 'http://127.0.0.1:8470',
    stationCode: 'S2',
    deviceName: 'Counter 2',
    deviceId: 'd1',
    enrolledAt: '',
    pending: 0,
    lastSync: '',
    lastAttempt: '',
    nextTry: '',
    lastRound: '',
  };
  it('leaves out what is not known and says when it never synced', () => {
    expect(stateRows(base)).toEqual([
      { label: 'Server', value: 'http://127.0.0.1:8470' },
      { label: 'Station code', value: 'S2' },
      { label: 'Device', value: 'Counter 2 (d1)' },
      { label: 'Changes waiting', value: '0' },
      { label: 'Last sync', value: 'Not synced yet' },
    ]);
  });
  it('shows the last round and the next retry', () => {
    const rows = stateRows({ ...base, pending: 3, lastRound: 'pushed 3, refused 0, pulled 1, not applied 0', nextTry: '2026-12-01T10:00:00Z' });
    expect(rows.find((r) => r.label === 'Changes waiting')?.value).toBe('3');
    expect(rows.find((r) => r.label === 'Last round')?.value).toBe('pushed 3, refused 0, pulled 1, not applied 0');
    expect(rows.some((r) => r.label === 'Next retry')).toBe(true);
  });
});

describe('validateEnrol', () => {
  it('asks for both fields', () => {
    const e = validateEnrol({ serverUrl: ' ', token: '' });
    expect(e.serverUrl).toMatch(/address/);
    expect(e.token).toMatch(/token/);
  });
  it.each(['oms.example.com', 'ftp://x', 'https:// x'])('refuses the address %j', (serverUrl) => {
    expect(validateEnrol({ serverUrl, token: 't' }).serverUrl).toBeDefined();
  });
  it.each(['https://oms.example.com:8470', 'http://127.0.0.1:34461', ' HTTPS://host '])('accepts %j', (serverUrl) => {
    expect(validateEnrol({ serverUrl, token: 't' })).toEqual({});
  });
});

describe('progressText', () => {
  it.each([
    [null, 'Connecting to the server…'],
    [{ phase: 'pull', done: 0, total: 0 }, 'Receiving data…'],
    [{ phase: 'pull', done: 120, total: 0 }, 'Receiving data… 120'],
    [{ phase: 'pull', done: 120, total: 400 }, 'Receiving data… 120 of 400'],
    [{ phase: 'push', done: 1, total: 2 }, 'Sending changes… 1 of 2'],
  ])('%j → %s', (p, text) => expect(progressText(p)).toBe(text));
});

describe('isCopyError', () => {
  it.each([
    ["Change 3 of this device was already received as another change: this database is a copy of the workstation's or was restored from a backup.", true],
    ["A device with this id is already enrolled: this database is a copy of an enrolled workstation's.", true],
    ['the server at http://x cannot be reached: connection refused', false],
    ['', false],
  ])('%s → %s', (text, want) => {
    expect(isCopyError(text)).toBe(want);
  });
});
