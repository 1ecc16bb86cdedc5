import type { TaxClass, TaxClassInput } from '../../api/catalog';
import type { PriceList, PriceListInput } from '../../api/pricing';
import { moneyError, parseMoney } from '../money';
import { bpsToPercent, percentError, percentToBps } from './rate';

// The pricing forms: values as typed, early validation (Go checks again) and
// the mapping of Go's field names onto the inputs.

export interface TaxClassFormValues {
  name: string;
  rate: string;
}

export const TAX_CLASS_FIELDS = ['name', 'rate'] as const;
export const TAX_CLASS_ALIASES = { rateBps: 'rate' } as const;

export const emptyTaxClass: TaxClassFormValues = { name: '', rate: '' };

export const taxClassToForm = (t: TaxClass): TaxClassFormValues => ({ name: t.name, rate: bpsToPercent(t.rateBps) });

export const taxClassToInput = (v: TaxClassFormValues): TaxClassInput => ({
  name: v.name.trim(),
  rateBps: percentToBps(v.rate) ?? 0,
});

export const validateTaxClass = {
  name: (v: string) => textError(v, 'Enter a name for the tax class.', 100, 'The name'),
  rate: (v: string) => percentError(v, 'The tax rate'),
};

export interface PriceListFormValues {
  name: string;
  customerGroup: string;
  discount: string;
  active: boolean;
}

export const PRICE_LIST_FIELDS = ['name', 'customerGroup', 'discount'] as const;
export const PRICE_LIST_ALIASES = { discountBps: 'discount' } as const;

export const emptyPriceList: PriceListFormValues = { name: '', customerGroup: '', discount: '', active: true };

export const priceListToForm = (l: PriceList): PriceListFormValues => ({
  name: l.name,
  customerGroup: l.customerGroup,
  discount: l.discountBps ? bpsToPercent(l.discountBps) : '',
  active: l.active,
});

export const priceListToInput = (v: PriceListFormValues): PriceListInput => ({
  name: v.name.trim(),
  customerGroup: v.customerGroup.trim(),
  discountBps: percentToBps(v.discount) ?? 0,
  active: v.active,
});

export const validatePriceList = {
  name: (v: string) => textError(v, 'Enter a name for the price list.', 100, 'The name'),
  customerGroup: (v: string) =>
    textError(v, 'Enter the customer group this price list is for.', 50, 'The customer group'),
  discount: (v: string) => percentError(v, 'The discount', true),
};

export interface ItemFormValues {
  productId: string;
  price: string;
}

export const ITEM_FIELDS = ['productId', 'price'] as const;

/** Early validation of a list item: a product and a price in major units. */
export function validateItem(minorUnits: number) {
  return {
    productId: (v: string) => (v ? null : 'Choose a product.'),
    price: (v: string) => (v.trim() === '' ? 'Enter the price.' : moneyError(v, minorUnits, 'The price')),
  };
}

export const itemPrice = (v: ItemFormValues, minorUnits: number): number => parseMoney(v.price, minorUnits) ?? 0;

function textError(v: string, empty: string, max: number, label: string): string | null {
  const t = v.trim();
  if (!t) return empty;
  if ([...t].length > max) return `${label} must be at most ${max} characters.`;
  return null;
}
