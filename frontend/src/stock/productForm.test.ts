import { describe, expect, it } from 'vitest';
import { barcodeError, emptyProduct, formToInput, productToForm, validateProduct } from './productForm';

describe('product form', () => {
  it('converts major units to minor units and blanks to zero', () => {
    const input = formToInput(
      { ...emptyProduct, sku: ' B-1 ', name: ' Bolt ', price: '12.50', cost: '4', reorderPoint: 10, barcodes: [' 4006381333931 ', '', '4006381333931'] },
      2,
    );
    expect(input).toMatchObject({ sku: 'B-1', name: 'Bolt', price: 1250, cost: 400, reorderPoint: 10, weightG: 0, barcodes: ['4006381333931'] });
  });

  it('round-trips a product', () => {
    const p = {
      id: '1', sku: 'S', name: 'N', description: '', unit: 'pcs', price: 1999, cost: 5, taxClassId: '', weightG: 0, lengthMm: 0,
      widthMm: 0, heightMm: 0, reorderPoint: 3, reorderQty: 0, active: true, archivedAt: '', createdAt: '', updatedAt: '',
      barcodes: [{ value: '4006381333931', symbology: 'ean13' }],
    };
    const form = productToForm(p, 2);
    expect(form.price).toBe('19.99');
    expect(form.cost).toBe('0.05');
    expect(formToInput(form, 2)).toMatchObject({ price: 1999, cost: 5, reorderPoint: 3, barcodes: ['4006381333931'] });
  });

  it('checks GS1 check digits and leaves Code128 to Go', () => {
    expect(barcodeError('4006381333931')).toBeNull();
    expect(barcodeError('4006381333932')).toMatch(/expected 1/);
    expect(barcodeError('036000291452')).toBeNull(); // UPC-A
    expect(barcodeError('96385074')).toBeNull(); // EAN-8
    expect(barcodeError('ABC-123')).toBeNull();
  });

  it('validates early', () => {
    const v = validateProduct(2);
    expect(v.sku('')).toMatch(/SKU/);
    expect(v.price('1.234')).toMatch(/decimals/);
    expect(v.barcodes(['4006381333932'])).toMatch(/check digit/);
    expect(v.barcodes(['4006381333931'])).toBeNull();
  });
});
