import { describe, expect, it } from 'vitest';
import { describeSpec, formatDuration, inputOf, validateSchedule, emptyReportSchedule, formValuesOf } from './jobText';

describe('describeSpec', () => {
  it.each([
    ['0 7 * * *', 'Every day at 07:00'],
    ['30 18 * * *', 'Every day at 18:30'],
    ['0 7 * * 1', 'Every Monday at 07:00'],
    ['0 7 * * 0', 'Every Sunday at 07:00'],
    ['0 7 * * 7', 'Every Sunday at 07:00'],
    ['0 7 * * 1-5', 'Weekdays at 07:00'],
    ['0 9 * * 0,6', 'Weekends at 09:00'],
    ['0 9 * * 1,3,5', 'Every Monday, Wednesday and Friday at 09:00'],
    ['0 6 1 * *', 'On the 1st of every month at 06:00'],
    ['0 6 22 * *', 'On the 22nd of every month at 06:00'],
    ['0 6 13 * *', 'On the 13th of every month at 06:00'],
    ['*/15 * * * *', 'Every 15 minutes'],
    ['* * * * *', 'Every minute'],
    ['0 * * * *', 'Every hour, on the hour'],
    ['5 * * * *', 'Every hour at 5 past'],
    ['@daily', 'Every day at 00:00'],
    ['@weekly', 'Every Sunday at 00:00'],
    ['@every 2h', 'Every 2 hours'],
    ['@every 1h', 'Every hour'],
    ['@every 90m', 'Every 90 minutes'],
  ])('%s → %s', (spec, words) => {
    expect(describeSpec(spec)).toBe(words);
  });

  it.each(['0 7 * 1 *', '0 7-9 * * *', '0 7 1 * 1', 'nonsense', '', '61 7 * * *', '0 25 * * *', '@every 10s'])(
    'gives no words for %j',
    (spec) => {
      expect(describeSpec(spec)).toBeNull();
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0.0 s'],
    [400, '0.4 s'],
    [12_400, '12 s'],
    [185_000, '3 min 5 s'],
    [120_000, '2 min'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms, true)).toBe(text);
  });
  it('is empty while running', () => {
    expect(formatDuration(0, false)).toBe('');
  });
});

describe('schedule form', () => {
  it('sends only the kind’s own params', () => {
    const v = { ...emptyReportSchedule, name: ' Sales ', folder: ' /srv/reports ', days: 9 };
    expect(inputOf('report', v)).toEqual({
      name: 'Sales',
      spec: '0 18 * * *',
      enabled: true,
      params: { days: 0, report: 'sales', folder: '/srv/reports', range: 'yesterday' },
    });
    expect(inputOf('draft-expiry', { ...v, days: '45' }).params).toEqual({ days: 45, report: '', folder: '', range: '' });
    expect(inputOf('low-stock', v).params).toEqual({ days: 0, report: '', folder: '', range: '' });
  });

  it('reads a schedule into the form', () => {
    expect(
      formValuesOf({ name: 'Delete old drafts', spec: '0 3 * * *', enabled: true, params: { days: 0, report: '', folder: '', range: '' } })
        .days,
    ).toBe(30);
  });

  it('checks what is plainly missing', () => {
    expect(validateSchedule('report', { ...emptyReportSchedule, spec: ' ' })).toEqual({
      spec: expect.any(String),
      name: expect.any(String),
      folder: expect.any(String),
    });
    expect(validateSchedule('report', { ...emptyReportSchedule, name: 'x', enabled: false })).toEqual({});
    expect(validateSchedule('draft-expiry', { ...emptyReportSchedule, days: 0 })).toEqual({ days: expect.any(String) });
    expect(validateSchedule('low-stock', { ...emptyReportSchedule, folder: '' })).toEqual({});
  });
});
