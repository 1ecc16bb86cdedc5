import { describe, expect, it } from 'vitest';
import type { PackLine } from '../api/shipments';
import { allCounted, countScan, countedWeightG, kgText, parseCm, parseKg, setCount, shipmentLines } from './pack';

describe('parseKg', () => {
  it.each([
    ['1.5', 1500],
    ['1,5', 1500],
    [' 2 ', 2000],
    ['0,25', 250],
    ['.5', 500],
    ['3.', 3000],
    ['0.001', 1],
    ['1.2500', 1250],
    ['1000', 1_000_000],
  ])('%j is %i g', (text, g) => expect(parseKg(text)).toEqual({ ok: true, value: g }));

  it.each([
    ['', 'Enter the weight in kg.'],
    ['   ', 'Enter the weight in kg.'],
    ['-1', 'A weight cannot be negative.'],
    ['-0,5', 'A weight cannot be negative.'],
    ['0', 'The weight must be more than 0.'],
    ['0.0004', 'Weigh to the gram at most (3 decimals).'],
    ['1.2345', 'Weigh to the gram at most (3 decimals).'],
    ['abc', 'Enter the weight in kg, e.g. 1.5.'],
    ['1,5,3', 'Enter the weight in kg, e.g. 1.5.'],
    ['1e3', 'Enter the weight in kg, e.g. 1.5.'],
    ['1000.001', 'At most 1000 kg a package; heavier goes as freight.'],
    ['99999999999999999999', 'At most 1000 kg a package; heavier goes as freight.'],
  ])('%j is refused', (text, error) => expect(parseKg(text)).toEqual({ ok: false, error }));
});

describe('parseCm', () => {
  it.each([
    ['', 0],
    ['30', 300],
    ['30,5', 305],
    ['12.5', 125],
    ['1000', 10_000],
  ])('%j is %i mm', (text, mm) => expect(parseCm(text)).toEqual({ ok: true, value: mm }));

  it.each([
    ['-3', 'A size cannot be negative.'],
    ['1.25', 'Measure to the millimetre at most (1 decimal).'],
    ['x', 'Enter centimetres, e.g. 30.'],
    ['1000.1', 'At most 1000 cm.'],
    ['123456789012', 'At most 1000 cm.'],
  ])('%j is refused', (text, error) => expect(parseCm(text)).toEqual({ ok: false, error }));
});

describe('kgText', () => {
  it.each([
    [1500, '1.5'],
    [250, '0.25'],
    [2000, '2'],
    [1, '0.001'],
  ])('%i g', (g, text) => expect(kgText(g)).toBe(text));
});

const line = (p: Partial<PackLine>): PackLine => ({
  lineId: 'l1',
  productId: 'p1',
  sku: 'CAB',
  name: 'Cable',
  quantity: 3,
  picked: 3,
  shipped: 0,
  backordered: 0,
  packable: 3,
  unitWeightG: 0,
  ...p,
});

describe('pack counting', () => {
  it('counts scans up to what is packable, then refuses', () => {
    const l = line({ packable: 2 });
    let counts = {};
    for (let i = 0; i < 2; i++) {
      const r = countScan(counts, l);
      expect(r.ok).toBe(true);
      if (r.ok) counts = r.counts;
    }
    expect(counts).toEqual({ l1: 2 });
    expect(countScan(counts, l)).toEqual({ ok: false, error: 'Too many: only 2 of CAB Cable can go in this shipment.' });
  });

  it('refuses anything of a line with nothing left to pack', () => {
    expect(countScan({}, line({ packable: 0 }))).toEqual({ ok: false, error: 'Too many: nothing of CAB Cable is left to pack.' });
  });

  it('sets a typed count from 0 to packable only', () => {
    expect(setCount({ l1: 2 }, line({}), 0)).toEqual({ ok: true, counts: { l1: 0 } });
    expect(setCount({}, line({}), 4).ok).toBe(false);
    expect(setCount({}, line({}), -1).ok).toBe(false);
    expect(setCount({}, line({}), 1.5).ok).toBe(false);
  });

  it('sends only counted lines, in the order of the order', () => {
    const lines = [line({ lineId: 'a' }), line({ lineId: 'b' }), line({ lineId: 'c' })];
    expect(shipmentLines(lines, { c: 1, a: 2, b: 0 })).toEqual([
      { lineId: 'a', quantity: 2 },
      { lineId: 'c', quantity: 1 },
    ]);
  });

  it('knows the weight only when every counted product has one', () => {
    const lines = [line({ lineId: 'a', unitWeightG: 250 }), line({ lineId: 'b', unitWeightG: 0 })];
    expect(countedWeightG(lines, { a: 3 })).toBe(750);
    expect(countedWeightG(lines, { a: 3, b: 1 })).toBeNull();
    expect(countedWeightG(lines, {})).toBeNull();
  });

  it('says when every packable unit is counted', () => {
    const lines = [line({ lineId: 'a', packable: 2 }), line({ lineId: 'b', packable: 0 })];
    expect(allCounted(lines, { a: 2 })).toBe(true);
    expect(allCounted(lines, { a: 1 })).toBe(false);
  });
});
