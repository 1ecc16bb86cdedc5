import { useCallback, useMemo, useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useCustomerSearch } from '../api/customers';
import { PageTitle } from '../shell/PageTitle';
import { CustomerList } from './CustomerList';
import { NewCustomerModal } from './NewCustomerModal';

type Filter = 'active' | 'all';

/** What was searched for, as the new customer's name when it looks like one (not a phone, email or code). */
function nameFromQuery(query: string): string {
  const q = query.trim();
  return /\p{L}/u.test(q) && !/[@\d]/.test(q) ? q : '';
}

/** Customers: search as you type over code, name, company, email and phone; open one or create one. */
export function CustomersPage() {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('active');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [creating, setCreating] = useState(false);
  const [focusFirst, setFocusFirst] = useState(0);
  const search = useCustomerSearch(debounced, filter === 'active');
  useHotkeys([['alt+N', () => setCreating(true)]], []);

  const items = useMemo(() => search.data?.pages.flatMap((p) => p.items) ?? [], [search.data]);
  const total = search.data?.pages[0]?.total ?? 0;
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = search;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const settled = !search.isFetching || isFetchingNextPage;

  return (
    <Stack gap="sm" h="100%">
      <PageTitle focus={false}>Customers</PageTitle>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search customers"
          placeholder="Name, code, company, email or phone"
          autoFocus
          type="search"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && items.length > 0) {
              e.preventDefault();
              setFocusFirst((n) => n + 1);
            }
          }}
          style={{ flex: 1, minWidth: 260 }}
          aria-describedby="customer-count"
        />
        <SegmentedControl
          aria-label="Show"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'all', label: 'All, with archived' },
          ]}
        />
        <Button onClick={() => setCreating(true)} aria-keyshortcuts="Alt+N">
          New customer
        </Button>
      </Group>
      <Text size="sm" c="dimmed" id="customer-count" aria-live="polite">
        {search.isPending ? 'Searching…' : `${total.toLocaleString()} ${total === 1 ? 'customer' : 'customers'}`}
        <VisuallyHidden>{settled ? '' : ' (updating)'}</VisuallyHidden>
      </Text>
      <CustomerList
        items={items}
        total={total}
        hasMore={hasNextPage}
        loadingMore={isFetchingNextPage}
        error={search.error?.message ?? null}
        onLoadMore={loadMore}
        focusFirst={focusFirst}
      />
      {creating && <NewCustomerModal opened onClose={() => setCreating(false)} initialName={nameFromQuery(query)} />}
    </Stack>
  );
}
