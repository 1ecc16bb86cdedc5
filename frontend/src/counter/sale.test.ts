import { describe, expect, it } from 'vitest';
import { parsePercent, parseQuantity, parseScan, percentText, rememberWarehouse, rememberedWarehouse, stationWarehouse } from './sale';

describe('parseScan', () => {
  it.each([
    ['4006381333931', '4006381333931', 1],
    ['  BOLT-M10 ', 'BOLT-M10', 1],
    ['3*BOLT-M10', 'BOLT-M10', 3],
    ['12 * 4006381333931', '4006381333931', 12],
    ['10X20', '10X20', 1],
    ['2*3*A', '3*A', 2],
  ])('%j scans %j × %i', (text, code, quantity) => {
    expect(parseScan(text)).toEqual({ ok: true, code, quantity });
  });

  it.each([
    ['', 'Scan a barcode or type a SKU.'],
    ['   ', 'Scan a barcode or type a SKU.'],
    ['3*', 'Type the code after “3*”.'],
    ['0*ABC', 'The quantity before * must be at least 1.'],
    ['10000*ABC', 'At most 9999 at once.'],
  ])('refuses %j', (text, error) => {
    expect(parseScan(text)).toEqual({ ok: false, error });
  });
});

describe('percentages', () => {
  it.each([
    ['10', 1000],
    ['12.5', 1250],
    ['7,25 %', 725],
    ['100', 10000],
    ['0', 0],
    ['', 0],
    ['0.01', 1],
  ])('%j is %i bps', (text, bps) => expect(parsePercent(text)).toBe(bps));

  it.each(['100.01', '-5', 'abc', '1.234', '1000'])('refuses %j', (text) => expect(parsePercent(text)).toBeNull());

  it.each([
    [1250, '12.5'],
    [1000, '10'],
    [725, '7.25'],
    [0, '0'],
    [5, '0.05'],
    [10000, '100'],
  ])('%i bps reads %j', (bps, text) => expect(percentText(bps)).toBe(text));

  it('round-trips', () => {
    for (const bps of [0, 1, 10, 99, 100, 1250, 3333, 10000]) expect(parsePercent(percentText(bps))).toBe(bps);
  });
});

describe('parseQuantity', () => {
  it('takes whole numbers from 1', () => {
    expect(parseQuantity(' 3 ')).toBe(3);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('1.5')).toBeNull();
    expect(parseQuantity('-2')).toBeNull();
    expect(parseQuantity('')).toBeNull();
  });
});

describe('station warehouse', () => {
  const ws = [{ id: 'w1' }, { id: 'w2' }];
  it('keeps the remembered one while it exists, else the first', () => {
    expect(stationWarehouse('w2', ws)).toBe('w2');
    expect(stationWarehouse('gone', ws)).toBe('w1');
    expect(stationWarehouse(null, ws)).toBe('w1');
    expect(stationWarehouse('w2', [])).toBeNull();
  });
  it('is remembered in localStorage', () => {
    expect(rememberedWarehouse()).toBeNull();
    rememberWarehouse('w2');
    expect(rememberedWarehouse()).toBe('w2');
  });
});
