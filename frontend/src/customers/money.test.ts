import { describe, expect, it } from 'vitest';
import { MAX_CREDIT_LIMIT, formatMinor, parseCreditLimit, parseMajor } from './money';

describe('parseMajor', () => {
  it.each([
    ['12.50', 2, 1250],
    ['12.5', 2, 1250],
    ['12', 2, 1200],
    [' 0.05 ', 2, 5],
    ['0', 2, 0],
    ['', 2, 0],
    ['1500', 0, 1500],
    ['1.234', 3, 1234],
    ['000123.40', 2, 12340],
  ])('reads %j with %i decimals as %i minor units', (text, units, want) => {
    expect(parseMajor(text, units)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['12,50', 2, /dot/],
    ['1,234.00', 2, /dot/],
    ['-5', 2, /negative/],
    ['12.345', 2, /at most 2 decimals/],
    ['12.5', 0, /no decimals/],
    ['1e5', 2, /like 12.50/],
    ['12.', 2, /like 12.50/],
    ['abc', 2, /like 12.50/],
    ['9999999999999999', 2, /too large/],
  ])('refuses %j with %i decimals', (text, units, message) => {
    const p = parseMajor(text, units);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toMatch(message);
  });

  it('refuses an empty amount when one is required', () => {
    expect(parseMajor(' ', 2, false)).toEqual({ ok: false, error: 'Enter an amount.' });
  });
});

describe('formatMinor', () => {
  it.each([
    [150000, 2, '1500.00'],
    [5, 2, '0.05'],
    [0, 2, '0.00'],
    [-1250, 2, '-12.50'],
    [7, 0, '7'],
    [1234, 3, '1.234'],
  ])('writes %i with %i decimals as %j', (amount, units, want) => {
    expect(formatMinor(amount, units)).toBe(want);
  });

  it('round-trips with parseMajor', () => {
    for (const amount of [0, 1, 99, 100, 123456789, MAX_CREDIT_LIMIT]) {
      expect(parseMajor(formatMinor(amount, 2), 2)).toEqual({ ok: true, value: amount });
    }
  });
});

describe('parseCreditLimit', () => {
  it('accepts the largest limit Go accepts and refuses one more', () => {
    expect(parseCreditLimit('1000000000.00', 2)).toEqual({ ok: true, value: MAX_CREDIT_LIMIT });
    const p = parseCreditLimit('1000000000.01', 2);
    expect(p.ok).toBe(false);
  });
});
