import { useCallback } from 'react';
import { useCompanyCurrency } from '../api/catalog';
import { formatMoney } from '../stock/money';

/** Formats minor units in the company currency: 1250 -> "12.50 EUR". */
export function useMoney(): (minor: number) => string {
  const { code, minorUnits } = useCompanyCurrency();
  return useCallback((minor: number) => formatMoney(minor, minorUnits, code), [code, minorUnits]);
}
