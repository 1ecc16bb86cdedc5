import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { catalogKeys, fetchProductPage, type Product } from '../api/catalog';

interface Props {
  label: string;
  value: Product | null;
  onChange: (p: Product | null) => void;
  error?: string;
  autoFocus?: boolean;
}

/** Picks an active product by typing its name, SKU or barcode (a scan puts the exact match first). */
export function ProductSelect({ label, value, onChange, error, autoFocus }: Props) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 150);
  const filter = { query, activeOnly: true, lowStock: false };
  const results = useQuery({
    queryKey: catalogKeys.productPage(filter, 0, 20),
    queryFn: () => fetchProductPage({ ...filter, limit: 20, offset: 0 }),
    enabled: query !== '',
  });
  const items = results.data?.items ?? [];
  const options = [...(value && !items.some((p) => p.id === value.id) ? [value] : []), ...items];
  return (
    <Select
      allowDeselect={false}
      label={label}
      withAsterisk
      searchable
      autoFocus={autoFocus}
      placeholder="Type a name, SKU or barcode"
      nothingFoundMessage={query ? 'No product found' : 'Type to search'}
      filter={({ options: o }) => o}
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((p) => ({ value: p.id, label: `${p.sku} – ${p.name}` }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((p) => p.id === id) ?? null)}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
