import { describe, expect, it } from 'vitest';
import { formatMinor, formatMoney, moneyError, parseMoney } from './money';

describe('parseMoney', () => {
  it.each([
    ['12.50', 2, 1250],
    ['12,5', 2, 1250],
    ['12', 2, 1200],
    ['0.01', 2, 1],
    ['.', 2, null],
    ['1 234.00', 2, 123400],
    ['7', 0, 7],
    ['7.5', 0, null],
    ['1.234', 3, 1234],
    ['1.234', 2, null],
    ['-1', 2, null],
    ['abc', 2, null],
    ['', 2, null],
    ['0.1', 2, 10],
    ['19.99', 2, 1999],
    ['10000000000.00', 2, 1_000_000_000_000],
  ])('%s with %i decimals -> %s', (text, mu, want) => {
    expect(parseMoney(text, mu)).toBe(want);
  });

  it('never loses a cent to floating point', () => {
    for (let cents = 0; cents < 2000; cents++) {
      expect(parseMoney(formatMinor(cents, 2), 2)).toBe(cents);
    }
  });
});

describe('formatMinor', () => {
  it.each([
    [1250, 2, '12.50'],
    [5, 2, '0.05'],
    [0, 2, '0.00'],
    [-125, 2, '-1.25'],
    [7, 0, '7'],
    [1234, 3, '1.234'],
  ])('%i with %i decimals -> %s', (minor, mu, want) => {
    expect(formatMinor(minor, mu)).toBe(want);
  });

  it('adds the currency code', () => {
    expect(formatMoney(1999, 2, 'EUR')).toBe('19.99 EUR');
  });
});

describe('moneyError', () => {
  it('accepts empty and good amounts, names the problem otherwise', () => {
    expect(moneyError('', 2, 'Price')).toBeNull();
    expect(moneyError('12.50', 2, 'Price')).toBeNull();
    expect(moneyError('12.505', 2, 'Price')).toMatch(/at most 2 decimals/);
    expect(moneyError('99999999999.00', 2, 'Price')).toMatch(/too large/);
    expect(moneyError('5.5', 0, 'Price')).toMatch(/whole/);
  });
});
