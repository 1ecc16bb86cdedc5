import { describe, expect, it } from 'vitest';
import { binByCode } from './bins';

const bins = [
  { id: 'b1', warehouseId: 'w1', code: 'A-01-01', active: true },
  { id: 'b2', warehouseId: 'w1', code: 'A-01-02', active: false },
];

describe('binByCode', () => {
  it.each([
    ['exact', 'A-01-01', 'b1'],
    ['lower case', 'a-01-02', 'b2'],
    ['scanner spaces', '  A-01-01\n', 'b1'],
    ['unknown', 'B-99', null],
    ['empty', '   ', null],
    ['prefix only', 'A-01', null],
  ])('%s', (_, code, want) => {
    expect(binByCode(bins, code)?.id ?? null).toBe(want);
  });
});
