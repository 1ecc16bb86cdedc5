import { describe, expect, it } from 'vitest';
import type { CustomerView } from '../api/customers';
import { charCount, emptyCustomer, toCustomerFields, toFormValues, validateCustomer } from './customerForm';

const valid = { ...emptyCustomer, name: 'Nguyễn Văn An', creditLimit: '1500.50', email: 'an@example.vn', phone: '+84 24 3825 1234' };

describe('validateCustomer', () => {
  it('accepts a complete customer', () => {
    expect(validateCustomer(valid, 2, true)).toEqual({});
  });

  it.each([
    [{ name: '  ' }, 'name', /name/],
    [{ name: 'x'.repeat(201) }, 'name', /200/],
    [{ code: 'C 1' }, 'code', /letters A-Z/],
    [{ code: '-C1' }, 'code', /starting with/],
    [{ code: 'C'.repeat(33) }, 'code', /32/],
    [{ email: 'an@example' }, 'email', /name@example.com/],
    [{ email: 'an example@x.vn' }, 'email', /name@example.com/],
    [{ phone: '12' }, 'phone', /3 digits/],
    [{ phone: '+84 abc 123' }, 'phone', /digits, spaces/],
    [{ creditLimit: '12,50' }, 'creditLimit', /dot/],
    [{ creditLimit: '-1' }, 'creditLimit', /negative/],
    [{ notes: 'n'.repeat(5001) }, 'notes', /5000/],
  ])('refuses %j on %s', (change, field, message) => {
    const errors = validateCustomer({ ...valid, ...change }, 2, true);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });

  it('lets a new customer leave the code empty but not an existing one', () => {
    expect(validateCustomer({ ...valid, code: '' }, 2, true)).toEqual({});
    expect(validateCustomer({ ...valid, code: '' }, 2, false)).toEqual({ code: 'Enter a customer code.' });
  });

  it('counts characters as Go does, not UTF-16 units', () => {
    const emoji = '😀'.repeat(200); // 400 UTF-16 units, 200 characters
    expect(charCount(emoji)).toBe(200);
    expect(validateCustomer({ ...valid, name: emoji }, 2, true)).toEqual({});
  });
});

describe('toCustomerFields and toFormValues', () => {
  it('sends the credit limit in minor units and trims text', () => {
    expect(toCustomerFields({ ...valid, name: ' Γιώργος ', creditLimit: '1500.5' }, 2)).toMatchObject({
      name: 'Γιώργος',
      creditLimit: 150050,
    });
    expect(toCustomerFields({ ...valid, creditLimit: '' }, 0).creditLimit).toBe(0);
    expect(toCustomerFields({ ...valid, creditLimit: '1500' }, 0).creditLimit).toBe(1500);
  });

  it('shows a stored credit limit in major units, and none as empty', () => {
    const stored = { ...toCustomerFields(valid, 2), id: 'x', active: true, erased: false, erasedAt: '', createdAt: '', updatedAt: '', addresses: [] } satisfies CustomerView;
    expect(toFormValues({ ...stored, creditLimit: 150050 }, 2).creditLimit).toBe('1500.50');
    expect(toFormValues({ ...stored, creditLimit: 0 }, 2).creditLimit).toBe('');
  });
});
