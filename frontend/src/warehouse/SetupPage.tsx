import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { applyApiError, type ApiError } from '../api/errors';
import { useBins, useCreateBin, useCreateWarehouse, useSetBinActive, useWarehouses } from '../api/stock';

/** Warehouses and their bins: list and add. */
export function SetupPage({ canManage }: { canManage: boolean }) {
  const warehouses = useWarehouses();
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? warehouses.data?.[0]?.id ?? null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Stack>
        <Title order={2} size="h4">
          Warehouses
        </Title>
        <Table aria-label="Warehouses" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Bins</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(warehouses.data ?? []).map((w) => (
              <Table.Tr key={w.id} bg={w.id === current ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td>{w.code}</Table.Td>
                <Table.Td>{w.name}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setSelected(w.id)} aria-label={`Bins of ${w.code}`}>
                    Show bins
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
            {warehouses.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>No warehouses yet.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {canManage && <AddWarehouseForm onAdded={setSelected} />}
      </Stack>
      {current && <BinsPanel warehouseId={current} canManage={canManage} />}
    </SimpleGrid>
  );
}

function AddWarehouseForm({ onAdded }: { onAdded: (id: string) => void }) {
  const form = useForm({
    initialValues: { code: '', name: '' },
    validate: {
      code: (v) => (v.trim() ? null : 'Enter a code.'),
      name: (v) => (v.trim() ? null : 'Enter the warehouse name.'),
    },
  });
  const create = useCreateWarehouse();
  const [general, setGeneral] = useState<ApiError | null>(null);
  return (
    <Paper withBorder p="sm">
      <form
        aria-label="Add warehouse"
        onSubmit={form.onSubmit((v) => {
          setGeneral(null);
          create.mutate(v, {
            onSuccess: (w) => {
              notifications.show({ color: 'green', message: `Warehouse ${w.code} added.` });
              form.reset();
              onAdded(w.id);
            },
            onError: (e) => setGeneral(applyApiError(form, e, ['code', 'name'])),
          });
        })}
      >
        <Stack gap="xs">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <Group align="flex-start" grow>
            <TextInput label="Warehouse code" withAsterisk autoComplete="off" {...form.getInputProps('code')} />
            <TextInput label="Warehouse name" withAsterisk autoComplete="off" {...form.getInputProps('name')} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Add warehouse
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function BinsPanel({ warehouseId, canManage }: { warehouseId: string; canManage: boolean }) {
  const warehouses = useWarehouses();
  const bins = useBins(warehouseId);
  const setActive = useSetBinActive();
  const create = useCreateBin();
  const form = useForm({ initialValues: { code: '' }, validate: { code: (v) => (v.trim() ? null : 'Enter a bin code.') } });
  const [general, setGeneral] = useState<ApiError | null>(null);
  const w = warehouses.data?.find((x) => x.id === warehouseId);
  return (
    <Stack>
      <Title order={2} size="h4">
        Bins of {w?.code}
      </Title>
      <Table aria-label={`Bins of ${w?.code ?? ''}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Bin</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            {canManage && <Table.Th scope="col">Action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(bins.data ?? []).map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.code}</Table.Td>
              <Table.Td>{b.active ? 'Active' : <Badge color="gray">Inactive</Badge>}</Table.Td>
              {canManage && (
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setActive.mutate({ id: b.id, active: !b.active })}>
                    {b.active ? 'Deactivate' : 'Reactivate'}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {bins.data?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3}>
                <Text size="sm">No bins: stock is kept in the warehouse without a bin.</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {canManage && (
        <form
          aria-label="Add bin"
          onSubmit={form.onSubmit((v) => {
            setGeneral(null);
            create.mutate(
              { warehouseId, code: v.code },
              {
                onSuccess: (b) => {
                  notifications.show({ color: 'green', message: `Bin ${b.code} added.` });
                  form.reset();
                },
                onError: (e) => setGeneral(applyApiError(form, e, ['code'])),
              },
            );
          })}
        >
          {general && (
            <Alert color="red" role="alert" mb="xs">
              {general.message}
            </Alert>
          )}
          <Group align="flex-end">
            <TextInput label="Bin code" description="Such as A-01-03" autoComplete="off" {...form.getInputProps('code')} />
            <Button type="submit" loading={create.isPending}>
              Add bin
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
