import { describe, expect, it } from 'vitest';
import type { PaymentMethod } from '../api/orders';
import { methodChange, methodNameError, newMethod, validateMethod } from './paymentMethodForm';

const m = (id: string, sort: number, active = true): PaymentMethod => ({ id, name: id, kind: 'card', active, sort });

describe('payment method form', () => {
  it('needs a name of at most 60 characters', () => {
    expect(methodNameError('  ')).toBe('Enter a name.');
    expect(methodNameError('x'.repeat(60))).toBeNull();
    expect(methodNameError('x'.repeat(61))).toBe('Enter a name of at most 60 characters.');
    expect(methodNameError('ü'.repeat(60))).toBeNull();
  });
  it('needs one of the kinds the backend knows', () => {
    expect(validateMethod.kind('gift_card')).toBeNull();
    expect(validateMethod.kind('')).toBe('Choose the kind of payment.');
    expect(validateMethod.kind('cheque')).toBe('Choose the kind of payment.');
  });
  it('puts a new method after the others, name trimmed', () => {
    expect(newMethod({ name: ' Gift voucher ', kind: 'gift_card' }, [m('cash', 10), m('store_credit', 70), m('card', 20)])).toEqual({
      name: 'Gift voucher',
      kind: 'gift_card',
      sort: 80,
    });
    expect(newMethod({ name: 'Cash', kind: 'cash' }, [])).toEqual({ name: 'Cash', kind: 'cash', sort: 10 });
  });
  it('sends the whole method with the change laid over', () => {
    expect(methodChange(m('card', 20), { active: false })).toEqual({ name: 'card', active: false, sort: 20 });
    expect(methodChange(m('card', 20, false), { name: 'Terminal 2' })).toEqual({ name: 'Terminal 2', active: false, sort: 20 });
  });
});
