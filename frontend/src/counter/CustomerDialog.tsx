import { useState, type KeyboardEvent } from 'react';
import { Button, Group, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCustomerSearch, type CustomerView } from '../api/customers';

interface Props {
  opened: boolean;
  currentId: string;
  onClose: () => void;
  /** The chosen customer, or null for a walk-in sale. */
  onPick: (customer: CustomerView | null) => void;
}

/** F2 at the counter: find a customer by name, code, email or phone; Enter takes the first. */
export function CustomerDialog({ opened, currentId, onClose, onPick }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Customer" size="lg">
      {opened && <CustomerSearch currentId={currentId} onPick={onPick} />}
    </Modal>
  );
}

function CustomerSearch({ currentId, onPick }: { currentId: string; onPick: Props['onPick'] }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useCustomerSearch(debounced, true);
  const found = (search.data?.pages ?? []).flatMap((p) => p.items).slice(0, 50);

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && found.length > 0 && debounced === query.trim()) {
      e.preventDefault();
      onPick(found[0]);
    }
  };

  return (
    <Stack>
      <TextInput
        label="Search customers"
        description="Name, code, email or phone; Enter takes the first match"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKey}
        data-autofocus
        autoComplete="off"
      />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {search.isPending ? 'Searching…' : `${search.data?.pages[0]?.total ?? 0} found`}
        </Text>
        <Button variant="default" onClick={() => onPick(null)}>
          Walk-in
        </Button>
      </Group>
      <ScrollArea.Autosize mah={360}>
        <Stack gap={4}>
          {found.map((c) => (
            <UnstyledButton
              key={c.id}
              onClick={() => onPick(c)}
              aria-label={`${c.name}${c.code ? ` (${c.code})` : ''}`}
              aria-current={c.id === currentId || undefined}
              p="xs"
              style={{ borderRadius: 4, border: '1px solid var(--mantine-color-default-border)' }}
            >
              <Group justify="space-between" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Text fw={500} truncate>
                    {c.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {[c.company, c.email, c.phone].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                <Text size="sm" ff="monospace" c="dimmed">
                  {c.code}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
