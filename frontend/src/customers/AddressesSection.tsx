import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDeleteAddress, useSetDefaultAddress, type AddressView, type CustomerView } from '../api/customers';
import type { ApiError } from '../api/errors';
import { useCountries } from '../api/settings';
import { AddressModal } from './AddressModal';
import { ADDRESS_KINDS, addressLines, type AddressKind } from './addressForm';

interface Props {
  customer: CustomerView;
  defaultCountry: string;
}

type Editing = { address: AddressView | null; kind: AddressKind } | null;

/** The customer's billing and shipping addresses, each kind with its default first. */
export function AddressesSection({ customer, defaultCountry }: Props) {
  const countries = useCountries();
  const countryName = (code: string) => countries.data?.find((c) => c.code === code)?.name ?? code;
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AddressView | null>(null);
  const makeDefault = useSetDefaultAddress();
  const remove = useDeleteAddress();
  const readOnly = customer.erased;
  const failed = (err: ApiError) => notifications.show({ color: 'red', title: 'Not done', message: err.message });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="addresses-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="addresses-heading">
            Addresses
          </Title>
          {!readOnly && (
            <Group gap="xs">
              {ADDRESS_KINDS.map((k) => (
                <Button key={k.value} size="xs" variant="light" onClick={() => setEditing({ address: null, kind: k.value })}>
                  Add {k.label.toLowerCase()} address
                </Button>
              ))}
            </Group>
          )}
        </Group>
        {customer.addresses.length === 0 && <Text c="dimmed">No addresses yet.</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {customer.addresses.map((a) => {
            const kind = ADDRESS_KINDS.find((k) => k.value === a.kind)?.label ?? a.kind;
            const label = `${kind} address${a.default ? ', default' : ''}`;
            return (
              <Paper key={a.id} withBorder p="sm" component="article" aria-label={label}>
                <Group gap="xs" mb={4}>
                  <Badge variant="light" color={a.kind === 'billing' ? 'blue' : 'teal'}>
                    {kind}
                  </Badge>
                  {a.default && <Badge variant="outline">Default</Badge>}
                </Group>
                {addressLines(a, countryName).map((line, i) => (
                  <Text key={i} size="sm">
                    {line}
                  </Text>
                ))}
                {!readOnly && (
                  <Group gap="xs" mt="xs">
                    <Button size="compact-xs" variant="default" onClick={() => setEditing({ address: a, kind: a.kind as AddressKind })}>
                      Edit
                    </Button>
                    {!a.default && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        loading={makeDefault.isPending && makeDefault.variables === a.id}
                        onClick={() => makeDefault.mutate(a.id, { onError: failed })}
                      >
                        Make default
                      </Button>
                    )}
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setDeleting(a)}
                    >
                      Delete
                    </Button>
                  </Group>
                )}
              </Paper>
            );
          })}
        </SimpleGrid>
      </Stack>
      {deleting && (
        <Modal opened onClose={() => setDeleting(null)} title="Delete address?">
          <Stack gap="sm">
            <Text size="sm">{addressLines(deleting, countryName).join(', ')}</Text>
            <Group justify="flex-end">
              <Button variant="default" data-autofocus onClick={() => setDeleting(null)}>
                Keep it
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(deleting.id, { onError: failed, onSettled: () => setDeleting(null) })}
              >
                Delete address
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {editing && (
        <AddressModal
          key={editing.address?.id ?? `new-${editing.kind}`}
          customerId={customer.id}
          address={editing.address}
          defaultKind={editing.kind}
          defaultCountry={defaultCountry}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
