import type { Product, ProductInput } from '../api/catalog';
import { formatMinor, moneyError, parseMoney } from './money';

/** The product editor's values: money as typed text, everything else as the input wants it. */
export interface ProductFormValues {
  sku: string;
  name: string;
  description: string;
  unit: string;
  price: string;
  cost: string;
  taxClassId: string;
  weightG: number | string;
  lengthMm: number | string;
  widthMm: number | string;
  heightMm: number | string;
  reorderPoint: number | string;
  reorderQty: number | string;
  barcodes: string[];
}

/** Form fields a Go error may name; "barcodes" covers the whole list. */
export const PRODUCT_FIELDS = [
  'sku',
  'name',
  'description',
  'unit',
  'price',
  'cost',
  'taxClassId',
  'weightG',
  'lengthMm',
  'widthMm',
  'heightMm',
  'reorderPoint',
  'reorderQty',
  'barcodes',
] as const;

export const emptyProduct: ProductFormValues = {
  sku: '',
  name: '',
  description: '',
  unit: 'pcs',
  price: '',
  cost: '',
  taxClassId: '',
  weightG: '',
  lengthMm: '',
  widthMm: '',
  heightMm: '',
  reorderPoint: '',
  reorderQty: '',
  barcodes: [],
};

export function productToForm(p: Product, minorUnits: number): ProductFormValues {
  return {
    sku: p.sku,
    name: p.name,
    description: p.description,
    unit: p.unit,
    price: formatMinor(p.price, minorUnits),
    cost: formatMinor(p.cost, minorUnits),
    taxClassId: p.taxClassId,
    weightG: p.weightG || '',
    lengthMm: p.lengthMm || '',
    widthMm: p.widthMm || '',
    heightMm: p.heightMm || '',
    reorderPoint: p.reorderPoint || '',
    reorderQty: p.reorderQty || '',
    barcodes: p.barcodes.map((b) => b.value),
  };
}

const int = (v: number | string): number => (v === '' ? 0 : Math.trunc(Number(v)));

/** Converts the form to what Go takes: money in minor units, blanks as 0, barcodes trimmed and unique. */
export function formToInput(v: ProductFormValues, minorUnits: number): ProductInput {
  const barcodes: string[] = [];
  for (const b of v.barcodes.map((x) => x.trim())) if (b && !barcodes.includes(b)) barcodes.push(b);
  return {
    sku: v.sku.trim(),
    name: v.name.trim(),
    description: v.description,
    unit: v.unit.trim(),
    price: parseMoney(v.price, minorUnits) ?? 0,
    cost: parseMoney(v.cost, minorUnits) ?? 0,
    taxClassId: v.taxClassId,
    weightG: int(v.weightG),
    lengthMm: int(v.lengthMm),
    widthMm: int(v.widthMm),
    heightMm: int(v.heightMm),
    reorderPoint: int(v.reorderPoint),
    reorderQty: int(v.reorderQty),
    barcodes,
  };
}

/** GS1 check digit test for 8, 12 and 13 digit codes; other values are Code128 and are checked by Go. */
export function barcodeError(value: string): string | null {
  const v = value.trim();
  if (!/^\d+$/.test(v) || ![8, 12, 13].includes(v.length)) {
    return v.length > 48 ? 'A barcode can have at most 48 characters.' : null;
  }
  const digits = v.split('').map(Number);
  const check = digits.pop() as number;
  let sum = 0;
  digits.reverse().forEach((d, i) => (sum += d * (i % 2 === 0 ? 3 : 1)));
  const want = (10 - (sum % 10)) % 10;
  return check === want ? null : `The check digit of ${v} is wrong (expected ${want}).`;
}

/** Early validation, the same rules Go checks again. */
export function validateProduct(minorUnits: number) {
  return {
    sku: (v: string) => (v.trim() ? null : 'Enter the SKU.'),
    name: (v: string) => (v.trim() ? null : 'Enter the product name.'),
    price: (v: string) => moneyError(v, minorUnits, 'The price'),
    cost: (v: string) => moneyError(v, minorUnits, 'The cost'),
    barcodes: (list: string[]) => {
      for (const b of list) {
        const err = b.trim() ? barcodeError(b) : null;
        if (err) return err;
      }
      return null;
    },
  };
}
