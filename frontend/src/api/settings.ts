import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './errors';
import { keys } from './queryClient';
import type { CompanyInput } from './types';
import { SettingsAPI, app } from './wails';

export function useCompany(enabled = true) {
  return useQuery({ queryKey: keys.company, queryFn: () => call(SettingsAPI.Company), enabled });
}

export function useUpdateCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CompanyInput) => call(() => SettingsAPI.UpdateCompany(app.CompanyInput.createFrom(input))),
    onSuccess: (company) => qc.setQueryData(keys.company, company),
  });
}

/** Reference lists do not change while the app runs. */
export function useCurrencies() {
  return useQuery({ queryKey: keys.currencies, queryFn: () => call(SettingsAPI.Currencies), staleTime: Infinity });
}

export function useCountries() {
  return useQuery({ queryKey: keys.countries, queryFn: () => call(SettingsAPI.Countries), staleTime: Infinity });
}
