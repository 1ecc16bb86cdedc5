import { describe, expect, it } from 'vitest';
import { bpsToPercent, formatRate, percentError, percentToBps } from './rate';

describe('percentToBps', () => {
  it.each([
    ['19', 1900],
    ['7.5', 750],
    ['7,5', 750],
    ['7.25', 725],
    ['7.1', 710],
    ['0.07', 7],
    ['0.01', 1],
    ['0', 0],
    ['100', 10000],
    ['19 %', 1900],
    ['19%', 1900],
    [' 16.5 ', 1650],
    ['8.', 800],
    ['1.15', 115],
    ['4.35', 435],
    ['2.01', 201],
  ])('%s -> %d', (text, bps) => expect(percentToBps(text)).toBe(bps));

  it.each(['', '.', '.5', '-1', '7.125', 'abc', '1e2', '19.5.1', '0x10', '1 9'])('%j is not a percent', (text) =>
    expect(percentToBps(text)).toBeNull(),
  );

  it('is exact for every two-decimal percent where floats are not', () => {
    for (let bps = 0; bps <= 10000; bps++) {
      expect(percentToBps(bpsToPercent(bps))).toBe(bps);
    }
    // What a float conversion gets wrong: 1.15 * 100 = 114.99999999999999.
    expect(Math.trunc(1.15 * 100)).toBe(114);
    expect(percentToBps('1.15')).toBe(115);
  });
});

describe('bpsToPercent', () => {
  it.each([
    [1900, '19'],
    [750, '7.5'],
    [725, '7.25'],
    [7, '0.07'],
    [0, '0'],
    [10000, '100'],
    [1, '0.01'],
  ])('%d -> %s', (bps, text) => expect(bpsToPercent(bps)).toBe(text));

  it('formats with the sign', () => expect(formatRate(750)).toBe('7.5 %'));
});

describe('percentError', () => {
  it('wants a value unless optional', () => {
    expect(percentError('', 'The tax rate')).toMatch(/Enter the tax rate/);
    expect(percentError('', 'The discount', true)).toBeNull();
  });
  it('refuses more than 2 decimals, negatives and words', () => {
    expect(percentError('7.125', 'The tax rate')).toMatch(/at most 2 decimals/);
    expect(percentError('-5', 'The tax rate')).toMatch(/percent/);
    expect(percentError('ten', 'The tax rate')).toMatch(/percent/);
  });
  it('refuses more than 100 %', () => {
    expect(percentError('100.01', 'The tax rate')).toMatch(/at most 100 %/);
    expect(percentError('100', 'The tax rate')).toBeNull();
  });
});
