import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CompanyInput } from '../api/types';
import { useCountries, useCurrencies } from '../api/settings';
import { LogoInput } from './LogoInput';

interface Props {
  form: UseFormReturnType<CompanyInput>;
  /** Put the cursor into the first field when the form appears. */
  autoFocus?: boolean;
}

/** The company inputs, shared by first-run setup and Settings. */
export function CompanyFields({ form, autoFocus = false }: Props) {
  const currencies = useCurrencies();
  const countries = useCountries();
  const currencyData = (currencies.data ?? []).map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` }));
  const countryData = (countries.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));

  return (
    <Stack gap="sm">
      <TextInput label="Company name" withAsterisk autoFocus={autoFocus} {...form.getInputProps('name')} />
      <TextInput label="Address line 1" {...form.getInputProps('addressLine1')} />
      <TextInput label="Address line 2" {...form.getInputProps('addressLine2')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Postal code" {...form.getInputProps('postalCode')} />
        <TextInput label="City" {...form.getInputProps('city')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Country"
          withAsterisk
          searchable
          placeholder={countries.isPending ? 'Loading…' : 'Type to search'}
          nothingFoundMessage="No country matches"
          data={countryData}
          allowDeselect={false}
          {...form.getInputProps('country')}
          onChange={(v) => form.setFieldValue('country', v ?? '')}
          error={form.errors.country ?? countries.error?.message}
        />
        <Select
          label="Currency"
          withAsterisk
          searchable
          placeholder={currencies.isPending ? 'Loading…' : 'Type to search'}
          nothingFoundMessage="No currency matches"
          data={currencyData}
          allowDeselect={false}
          {...form.getInputProps('currency')}
          onChange={(v) => form.setFieldValue('currency', v ?? '')}
          error={form.errors.currency ?? currencies.error?.message}
        />
      </SimpleGrid>
      <TextInput label="Tax ID" description="VAT or tax number" {...form.getInputProps('taxId')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
        <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
      </SimpleGrid>
      <LogoInput
        value={form.values.logoDataUrl}
        onChange={(v) => form.setFieldValue('logoDataUrl', v)}
        error={form.errors.logoDataUrl}
      />
    </Stack>
  );
}
