import { describe, expect, it } from 'vitest';
import { cellForBandError, formatKg, newRow, parseKg, priceCell, rowsFromRates, tablesFromRows, weightCell } from './rateTable';

const zones = [
  { id: 'dom', carrierId: 'c', name: 'Domestic', countries: ['DE'] },
  { id: 'eu', carrierId: 'c', name: 'EU', countries: ['FR'] },
];

describe('parseKg and formatKg', () => {
  it.each([
    ['1', 1000],
    ['31.5', 31500],
    ['31,5', 31500],
    [' 0.25 ', 250],
    ['0.001', 1],
    ['2 kg', 2000],
    ['100000', 100_000_000],
  ])('parses %j as %d g', (text, g) => expect(parseKg(text)).toBe(g));

  it.each(['', '0', '0.0001', '-1', '1.2.3', 'abc', '100000.001', '1e3'])('refuses %j', (text) => expect(parseKg(text)).toBeNull());

  it.each([
    [1000, '1'],
    [31500, '31.5'],
    [250, '0.25'],
    [1, '0.001'],
  ])('formats %d g as %s', (g, text) => expect(formatKg(g)).toBe(text));
});

describe('rate grid', () => {
  const rates = [
    { id: '1', serviceId: 's', zoneId: 'dom', maxWeightG: 5000, price: 599 },
    { id: '2', serviceId: 's', zoneId: 'dom', maxWeightG: 1000, price: 499 },
    { id: '3', serviceId: 's', zoneId: 'eu', maxWeightG: 5000, price: 1799 },
  ];

  it('has one row per weight, lightest first, with empty cells where a zone has no band', () => {
    const rows = rowsFromRates(rates, zones, 2);
    expect(rows.map((r) => r.weight)).toEqual(['1', '5']);
    expect(rows[0].prices).toEqual({ dom: '4.99', eu: '' });
    expect(rows[1].prices).toEqual({ dom: '5.99', eu: '17.99' });
  });

  it('turns the grid back into one table per zone', () => {
    const rows = rowsFromRates(rates, zones, 2);
    const { tables, errors } = tablesFromRows([...rows, newRow(zones)], zones, 2);
    expect(errors).toEqual({});
    expect(tables).toEqual([
      { zoneId: 'dom', bands: [{ maxWeightG: 1000, price: 499 }, { maxWeightG: 5000, price: 599 }], rowKeys: [rows[0].key, rows[1].key] },
      { zoneId: 'eu', bands: [{ maxWeightG: 5000, price: 1799 }], rowKeys: [rows[1].key] },
    ]);
  });

  it('sorts bands typed out of order', () => {
    const a = { ...newRow(zones), weight: '10', prices: { dom: '8,49', eu: '' } };
    const b = { ...newRow(zones), weight: '2', prices: { dom: '5', eu: '' } };
    const { tables } = tablesFromRows([a, b], zones, 2);
    expect(tables[0].bands).toEqual([
      { maxWeightG: 2000, price: 500 },
      { maxWeightG: 10000, price: 849 },
    ]);
    expect(tables[0].rowKeys).toEqual([b.key, a.key]);
  });

  it('puts errors on the cells', () => {
    const bad = { ...newRow(zones), weight: 'heavy', prices: { dom: '1', eu: '' } };
    const noPrice = { ...newRow(zones), weight: '3', prices: { dom: '', eu: '' } };
    const first = { ...newRow(zones), weight: '5', prices: { dom: '1', eu: '' } };
    const twice = { ...newRow(zones), weight: '5,0', prices: { dom: '2', eu: '' } };
    const price = { ...newRow(zones), weight: '7', prices: { dom: '1.999', eu: '-3' } };
    const { errors } = tablesFromRows([bad, noPrice, first, twice, price], zones, 2);
    expect(errors[weightCell(bad.key)]).toMatch(/weight in kg/);
    expect(errors[weightCell(noPrice.key)]).toMatch(/at least one zone/);
    expect(errors[weightCell(twice.key)]).toMatch(/up to 5 kg/);
    expect(errors[priceCell(price.key, 'dom')]).toMatch(/such as 4.99/);
    expect(errors[priceCell(price.key, 'eu')]).toMatch(/such as 4.99/);
    expect(errors[weightCell(first.key)]).toBeUndefined();
  });

  it('maps a backend band error back to its cell', () => {
    const table = { zoneId: 'eu', bands: [], rowKeys: ['r1', 'r2'] };
    expect(cellForBandError('bands[1].price', table)).toBe(priceCell('r2', 'eu'));
    expect(cellForBandError('bands[0].maxWeightG', table)).toBe(weightCell('r1'));
    expect(cellForBandError('bands[5].price', table)).toBeNull();
    expect(cellForBandError('zoneId', table)).toBeNull();
  });
});
