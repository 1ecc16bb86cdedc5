import { useCompany, useCurrencies } from '../api/settings';

/** The company currency and its decimals, in which credit limits are typed and shown (2 until known). */
export function useCompanyCurrency(): { code: string; minorUnits: number; ready: boolean } {
  const company = useCompany();
  const currencies = useCurrencies();
  const code = company.data?.currency ?? '';
  const currency = currencies.data?.find((c) => c.code === code);
  return { code, minorUnits: currency?.minorUnits ?? 2, ready: currency !== undefined };
}
