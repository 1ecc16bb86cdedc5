import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Table, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { applyApiError, type ApiError } from '../api/errors';
import { useCreateSupplier, useSuppliers, useUpdateSupplier, type Supplier, type SupplierInput } from '../api/stock';

const FIELDS = ['code', 'name', 'email', 'phone', 'notes'];
const empty: SupplierInput = { code: '', name: '', email: '', phone: '', notes: '', active: true };

/** Suppliers: list, add, edit, deactivate. */
export function SuppliersPage({ canManage }: { canManage: boolean }) {
  const suppliers = useSuppliers();
  const update = useUpdateSupplier();
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  return (
    <Stack>
      {canManage && (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')}>Add supplier</Button>
        </Group>
      )}
      <Table aria-label="Suppliers" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Code</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            {canManage && <Table.Th scope="col">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(suppliers.data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.code}</Table.Td>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{s.email}</Table.Td>
              <Table.Td>{s.phone}</Table.Td>
              <Table.Td>{s.active ? 'Active' : <Badge color="gray">Inactive</Badge>}</Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="subtle" onClick={() => setEditing(s)} aria-label={`Edit ${s.code}`}>
                      Edit
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => update.mutate({ id: s.id, input: { ...s, active: !s.active } })}>
                      {s.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {suppliers.data?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>No suppliers yet.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {editing && <SupplierModal supplier={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function SupplierModal({ supplier, onClose }: { supplier: Supplier | null; onClose: () => void }) {
  const form = useForm<SupplierInput>({
    initialValues: supplier ? { ...supplier } : empty,
    validate: { code: (v) => (v.trim() ? null : 'Enter a code.'), name: (v) => (v.trim() ? null : 'Enter the name.') },
  });
  const create = useCreateSupplier();
  const update = useUpdateSupplier();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const title = supplier ? `Edit supplier ${supplier.code}` : 'Add supplier';
  const submit = (v: SupplierInput) => {
    setGeneral(null);
    const done = {
      onSuccess: (s: Supplier) => {
        notifications.show({ color: 'green', message: `Supplier ${s.code} saved.` });
        onClose();
      },
      onError: (e: unknown) => setGeneral(applyApiError(form, e, FIELDS)),
    };
    if (supplier) update.mutate({ id: supplier.id, input: v }, done);
    else create.mutate(v, done);
  };
  return (
    <Modal opened onClose={onClose} title={title}>
      <form aria-label={title} onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <TextInput label="Supplier code" withAsterisk data-autofocus autoComplete="off" {...form.getInputProps('code')} />
          <TextInput label="Supplier name" withAsterisk autoComplete="off" {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              Save supplier
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
