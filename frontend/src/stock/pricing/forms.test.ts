import { describe, expect, it } from 'vitest';
import { ApiError, formFieldFor } from '../../api/errors';
import {
  PRICE_LIST_ALIASES,
  PRICE_LIST_FIELDS,
  TAX_CLASS_ALIASES,
  TAX_CLASS_FIELDS,
  itemPrice,
  priceListToForm,
  priceListToInput,
  taxClassToForm,
  taxClassToInput,
  validateItem,
  validatePriceList,
  validateTaxClass,
} from './forms';

describe('tax class form', () => {
  it('validates name and rate early', () => {
    expect(validateTaxClass.name('  ')).toMatch(/Enter a name/);
    expect(validateTaxClass.name('x'.repeat(101))).toMatch(/at most 100/);
    expect(validateTaxClass.name('Reduced 7%')).toBeNull();
    expect(validateTaxClass.rate('')).toMatch(/Enter the tax rate/);
    expect(validateTaxClass.rate('7.555')).toMatch(/2 decimals/);
    expect(validateTaxClass.rate('7')).toBeNull();
  });
  it('converts to and from what Go takes', () => {
    expect(taxClassToInput({ name: ' Reduced 7% ', rate: '7' })).toEqual({ name: 'Reduced 7%', rateBps: 700 });
    expect(taxClassToForm({ id: 't', name: 'Half', rateBps: 750 })).toEqual({ name: 'Half', rate: '7.5' });
  });
  it('maps Go fields onto its inputs', () => {
    expect(formFieldFor(new ApiError('EINVALID', 'bad', 'rateBps'), TAX_CLASS_FIELDS, TAX_CLASS_ALIASES)).toBe('rate');
    expect(formFieldFor(new ApiError('ECONFLICT', 'taken', 'name'), TAX_CLASS_FIELDS, TAX_CLASS_ALIASES)).toBe('name');
    expect(formFieldFor(new ApiError('ECONFLICT', 'in use'), TAX_CLASS_FIELDS, TAX_CLASS_ALIASES)).toBeUndefined();
  });
});

describe('price list form', () => {
  it('validates early', () => {
    expect(validatePriceList.name('')).toMatch(/Enter a name/);
    expect(validatePriceList.customerGroup(' ')).toMatch(/customer group/);
    expect(validatePriceList.customerGroup('g'.repeat(51))).toMatch(/at most 50/);
    expect(validatePriceList.discount('')).toBeNull();
    expect(validatePriceList.discount('12.5')).toBeNull();
    expect(validatePriceList.discount('150')).toMatch(/100 %/);
  });
  it('sends a blank discount as 0 and keeps active', () => {
    expect(priceListToInput({ name: ' Wholesale ', customerGroup: ' wholesale ', discount: '', active: false })).toEqual({
      name: 'Wholesale',
      customerGroup: 'wholesale',
      discountBps: 0,
      active: false,
    });
    expect(priceListToInput({ name: 'W', customerGroup: 'w', discount: '2.5', active: true }).discountBps).toBe(250);
  });
  it('shows no discount as blank', () => {
    const l = { id: 'l', name: 'W', customerGroup: 'w', discountBps: 0, active: true, updatedAt: '' };
    expect(priceListToForm(l).discount).toBe('');
    expect(priceListToForm({ ...l, discountBps: 1000 }).discount).toBe('10');
  });
  it('maps discountBps onto the discount input', () => {
    const err = new ApiError('EINVALID', 'bad', 'discountBps');
    expect(formFieldFor(err, PRICE_LIST_FIELDS, PRICE_LIST_ALIASES)).toBe('discount');
    expect(formFieldFor(new ApiError('ECONFLICT', 'x', 'customerGroup'), PRICE_LIST_FIELDS, PRICE_LIST_ALIASES)).toBe(
      'customerGroup',
    );
  });
});

describe('price list item form', () => {
  const v = validateItem(2);
  it('wants a product and a price in major units', () => {
    expect(v.productId('')).toMatch(/Choose a product/);
    expect(v.price('')).toMatch(/Enter the price/);
    expect(v.price('1.999')).toMatch(/at most 2 decimals/);
    expect(v.price('-1')).not.toBeNull();
    expect(v.price('1.99')).toBeNull();
  });
  it('converts the price exactly to minor units', () => {
    expect(itemPrice({ productId: 'p', price: '1.99' }, 2)).toBe(199);
    expect(itemPrice({ productId: 'p', price: '0.29' }, 2)).toBe(29);
    expect(itemPrice({ productId: 'p', price: '5' }, 0)).toBe(5);
  });
});
