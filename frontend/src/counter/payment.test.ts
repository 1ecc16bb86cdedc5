import { describe, expect, it } from 'vitest';
import { buildPayment, changeDue, needsReference } from './payment';

const cash = { methodId: 'cash', kind: 'cash', amount: '15.30', tendered: '', reference: '' };

describe('buildPayment', () => {
  it('pays cash exactly when nothing is tendered', () => {
    expect(buildPayment(cash, 2, 1530)).toEqual({
      ok: true,
      request: { methodId: 'cash', amount: 1530, tendered: 0, reference: '', approverId: '', approverSecret: '' },
    });
  });
  it('takes cash tendered above the amount', () => {
    const r = buildPayment({ ...cash, tendered: '20' }, 2, 1530);
    expect(r).toMatchObject({ ok: true, request: { amount: 1530, tendered: 2000 } });
  });
  it('refuses too little cash, a bad amount and no method', () => {
    expect(buildPayment({ ...cash, tendered: '10' }, 2, 1530)).toMatchObject({ ok: false, field: 'tendered' });
    expect(buildPayment({ ...cash, amount: '0' }, 2, 1530)).toMatchObject({ ok: false, field: 'amount' });
    expect(buildPayment({ ...cash, amount: '1.234' }, 2, 1530)).toMatchObject({ ok: false, field: 'amount' });
    expect(buildPayment({ ...cash, methodId: '' }, 2, 1530)).toMatchObject({ ok: false, field: 'methodId' });
  });
  it('splits: a card pays part with its reference, never more than the balance', () => {
    const card = { methodId: 'card', kind: 'card', amount: '10.00', tendered: '99', reference: ' T-123 ' };
    expect(buildPayment(card, 2, 1530)).toMatchObject({ ok: true, request: { amount: 1000, tendered: 0, reference: 'T-123' } });
    expect(buildPayment({ ...card, amount: '20.00' }, 2, 1530)).toMatchObject({ ok: false, field: 'amount' });
  });
});

describe('helpers', () => {
  it('gives change and knows which methods carry a reference', () => {
    expect(changeDue(1530, 2000)).toBe(470);
    expect(changeDue(1530, 0)).toBe(0);
    expect(['cash', 'card', 'transfer', 'paypal', 'account'].map(needsReference)).toEqual([false, true, true, true, false]);
  });
});
