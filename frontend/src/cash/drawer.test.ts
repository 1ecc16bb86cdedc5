import { describe, expect, it } from 'vitest';
import type { DrawerLine } from '../api/cash';
import { ApiError } from '../api/errors';
import type { PaymentMethod } from '../api/orders';
import {
  buildCounts,
  closeErrorTarget,
  countRows,
  countState,
  countable,
  differenceKind,
  parseDrawerAmount,
  signedMoney,
} from './drawer';

const line = (methodId: string, methodKind: string, expected: number, count = 1): DrawerLine => ({
  methodId,
  methodName: methodId[0].toUpperCase() + methodId.slice(1),
  methodKind,
  count,
  payments: expected,
  refunds: 0,
  net: expected,
  expected,
  counted: 0,
  difference: 0,
  isCounted: false,
});
const method = (id: string, kind: string, active = true, sort = 10): PaymentMethod => ({ id, name: id, kind, active, sort });

describe('countable', () => {
  it('counts cash and card only', () => {
    expect(['cash', 'card', 'transfer', 'paypal', 'account', 'gift_card', 'store_credit'].filter(countable)).toEqual(['cash', 'card']);
  });
});

describe('countRows', () => {
  const lines = [line('cash', 'cash', 10320), line('transfer', 'transfer', 5000)];
  it('requires the countable lines of the session, shows the others uncounted', () => {
    const rows = countRows(lines, []);
    expect(rows.map((r) => [r.methodId, r.required, r.countable, r.expected])).toEqual([
      ['cash', true, true, 10320],
      ['transfer', false, false, 5000],
    ]);
  });
  it('offers the other active cash and card methods as optional, once', () => {
    const rows = countRows(lines, [method('cash', 'cash'), method('card', 'card'), method('card2', 'card', false), method('paypal', 'paypal')]);
    expect(rows.map((r) => [r.methodId, r.required, r.expected])).toEqual([
      ['cash', true, 10320],
      ['transfer', false, 5000],
      ['card', false, 0],
    ]);
  });
});

describe('parseDrawerAmount', () => {
  it('parses major units into minor units', () => {
    expect(parseDrawerAmount('100', 2, 'the opening float')).toEqual({ ok: true, value: 10000 });
    expect(parseDrawerAmount(' 12,5 ', 2, 'the opening float')).toEqual({ ok: true, value: 1250 });
    expect(parseDrawerAmount('0', 2, 'the opening float')).toEqual({ ok: true, value: 0 });
    expect(parseDrawerAmount('7', 0, 'the opening float')).toEqual({ ok: true, value: 7 });
  });
  it('says what is wrong: empty, negative, malformed, too large', () => {
    expect(parseDrawerAmount('', 2, 'the opening float')).toEqual({ ok: false, error: 'Enter the opening float, such as 100.00.' });
    expect(parseDrawerAmount('-5', 2, 'the opening float')).toEqual({ ok: false, error: 'The opening float cannot be negative.' });
    expect(parseDrawerAmount('1.234', 2, 'the opening float')).toEqual({
      ok: false,
      error: 'Enter the opening float as an amount such as 100.00, with at most 2 decimals.',
    });
    expect(parseDrawerAmount('abc', 0, 'the counted amount')).toEqual({
      ok: false,
      error: 'Enter the counted amount as a whole amount such as 100.',
    });
    expect(parseDrawerAmount('20000000000', 2, 'the counted amount')).toEqual({ ok: false, error: 'The counted amount is too large.' });
  });
});

describe('countState', () => {
  it('is blank until something is typed', () => {
    expect(countState('  ', 5000, 2)).toEqual({ counted: null, difference: null, error: null });
  });
  it('gives counted minus expected', () => {
    expect(countState('52.20', 5320, 2)).toEqual({ counted: 5220, difference: -100, error: null });
    expect(countState('54.20', 5320, 2)).toEqual({ counted: 5420, difference: 100, error: null });
    expect(countState('53.2', 5320, 2)).toEqual({ counted: 5320, difference: 0, error: null });
  });
  it('carries the error of a bad count', () => {
    expect(countState('-1', 5320, 2)).toMatchObject({ counted: null, difference: null, error: 'The counted amount cannot be negative.' });
  });
});

describe('differenceKind and signedMoney', () => {
  const money = (m: number) => `${(m / 100).toFixed(2)} EUR`;
  it('reads short, over and even', () => {
    expect([-1, 0, 1].map(differenceKind)).toEqual(['short', 'even', 'over']);
  });
  it('signs an amount over', () => {
    expect(signedMoney(100, money)).toBe('+1.00 EUR');
    expect(signedMoney(-100, money)).toBe('-1.00 EUR');
    expect(signedMoney(0, money)).toBe('0.00 EUR');
  });
});

describe('buildCounts', () => {
  const rows = countRows([line('cash', 'cash', 5320), line('transfer', 'transfer', 100)], [method('card', 'card')]);
  it('sends what was counted; an optional method left empty is not sent, uncountable ones never', () => {
    expect(buildCounts(rows, { cash: '52.20', transfer: '1.00' }, 2)).toEqual({ ok: true, counts: [{ methodId: 'cash', counted: 5220 }] });
    expect(buildCounts(rows, { cash: '53.20', card: '0' }, 2)).toEqual({
      ok: true,
      counts: [
        { methodId: 'cash', counted: 5320 },
        { methodId: 'card', counted: 0 },
      ],
    });
  });
  it('refuses a required method left empty and a bad count, next to each', () => {
    expect(buildCounts(rows, { card: 'x' }, 2)).toEqual({
      ok: false,
      errors: {
        cash: 'Enter the amount counted for Cash.',
        card: 'Enter the counted amount as an amount such as 100.00, with at most 2 decimals.',
      },
    });
  });
});

describe('closeErrorTarget', () => {
  const sent = [
    { methodId: 'cash', counted: 5220 },
    { methodId: 'card', counted: 0 },
  ];
  it('puts a count error next to the count it names', () => {
    expect(closeErrorTarget(new ApiError('EINVALID', 'A counted amount cannot be negative.', 'counts[1].counted'), sent)).toEqual({
      methodId: 'card',
    });
    expect(closeErrorTarget(new ApiError('ENOTFOUND', 'Payment method not found.', 'counts[0].methodId'), sent)).toEqual({
      methodId: 'cash',
    });
  });
  it('puts a note error on the note, the rest above the form', () => {
    expect(closeErrorTarget(new ApiError('EINVALID', 'Too long.', 'note'), sent)).toEqual({ field: 'note' });
    expect(closeErrorTarget(new ApiError('EINVALID', 'Enter the counted amount for Cash.', 'counts'), sent)).toEqual({ general: true });
    expect(closeErrorTarget(new ApiError('ECONFLICT', 'The cash drawer is not open.', 'drawer'), sent)).toEqual({ general: true });
    expect(closeErrorTarget(new ApiError('EINVALID', 'Bad.', 'counts[7].counted'), sent)).toEqual({ general: true });
  });
});
