import { useMemo } from 'react';
import { useCountries } from '../api/settings';

/** ISO code -> English name, from the backend's country list. */
export function useCountryNames(): Map<string, string> {
  const countries = useCountries();
  return useMemo(() => new Map((countries.data ?? []).map((c) => [c.code, c.name])), [countries.data]);
}
