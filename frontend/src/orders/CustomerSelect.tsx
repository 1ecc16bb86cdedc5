import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { customerKeys, useCustomerSearch } from '../api/customers';
import { call } from '../api/errors';
import { CustomersAPI } from '../api/wails';

interface Props {
  value: string;
  onChange: (id: string) => void;
  label?: string;
  placeholder?: string;
  w?: number | string;
  error?: string;
  description?: string;
}

/** A searchable customer select: what is typed searches the customers; "" is none. */
export function CustomerSelect({ value, onChange, label = 'Customer', placeholder = 'Walk-in', w, error, description }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const found = useCustomerSearch(debounced, false);
  const chosen = useQuery({
    queryKey: customerKeys.one(value),
    queryFn: () => call(() => CustomersAPI.Customer(value)),
    enabled: !!value,
  });
  const options = new Map<string, string>();
  if (value && chosen.data) options.set(chosen.data.id, chosen.data.name);
  for (const c of (found.data?.pages ?? []).flatMap((p) => p.items).slice(0, 50)) options.set(c.id, c.name);
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      nothingFoundMessage={debounced ? 'No customer found' : 'Type to search'}
      error={error}
      w={w}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
