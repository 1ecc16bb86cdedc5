import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { METHOD_KINDS, kindLabel, useAllPaymentMethods, useCreatePaymentMethod, useUpdatePaymentMethod } from '../api/cash';
import { applyApiError, toApiError, type ApiError } from '../api/errors';
import type { PaymentMethod } from '../api/orders';
import { METHOD_FIELDS, methodChange, methodNameError, newMethod, validateMethod, type MethodFormValues } from './paymentMethodForm';

/**
 * The payment methods the counter offers: add one of a fixed kind (a second
 * card terminal, say), rename, deactivate or reactivate. The kind never
 * changes, since payments keep it and its rules.
 */
export function PaymentMethods() {
  const methods = useAllPaymentMethods();
  const update = useUpdatePaymentMethod();
  const [renaming, setRenaming] = useState<PaymentMethod | null>(null);
  const [rowError, setRowError] = useState<ApiError | null>(null);
  const list = methods.data ?? [];

  const toggle = (m: PaymentMethod) => {
    setRowError(null);
    update.mutate(
      { id: m.id, change: methodChange(m, { active: !m.active }) },
      {
        onSuccess: (saved) =>
          notifications.show({ color: 'green', message: `${saved.name} ${saved.active ? 'reactivated' : 'deactivated'}.` }),
        onError: (e) => setRowError(toApiError(e)),
      },
    );
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        What the counter offers to pay with, in this order. A deactivated method takes no new payments; refunds to it stay
        possible.
      </Text>
      {(methods.isError || rowError) && (
        <Alert color="red" role="alert">
          {(rowError ?? toApiError(methods.error)).message}
        </Alert>
      )}
      <Table aria-label="Payment methods" striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {methods.isPending && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text c="dimmed">Loading payment methods…</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {list.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row" fw={500}>
                {m.name}
              </Table.Th>
              <Table.Td>{kindLabel(m.kind)}</Table.Td>
              <Table.Td>
                {m.active ? (
                  <Badge color="green" variant="light">
                    Active
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    Inactive
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" aria-label={`Rename ${m.name}`} onClick={() => setRenaming(m)}>
                    Rename
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={`${m.active ? 'Deactivate' : 'Reactivate'} ${m.name}`}
                    loading={update.isPending && update.variables?.id === m.id}
                    onClick={() => toggle(m)}
                  >
                    {m.active ? 'Deactivate' : 'Reactivate'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AddMethodForm methods={list} />
      {renaming && <RenameModal method={renaming} onClose={() => setRenaming(null)} />}
    </Stack>
  );
}

function AddMethodForm({ methods }: { methods: readonly PaymentMethod[] }) {
  const create = useCreatePaymentMethod();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<MethodFormValues>({ initialValues: { name: '', kind: '' }, validate: validateMethod });
  const submit = (v: MethodFormValues) => {
    setGeneral(null);
    create.mutate(newMethod(v, methods), {
      onSuccess: (m) => {
        notifications.show({ color: 'green', message: `Payment method ${m.name} added.` });
        form.reset();
      },
      onError: (e) => setGeneral(applyApiError(form, e, METHOD_FIELDS)),
    });
  };
  return (
    <form aria-label="Add payment method" onSubmit={form.onSubmit(submit)}>
      <Stack gap="xs">
        {general && (
          <Alert color="red" role="alert">
            {general.message}
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="Method name"
            withAsterisk
            autoComplete="off"
            maxLength={200}
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps('name')}
          />
          <Select
            label="Kind"
            withAsterisk
            placeholder="Choose…"
            data={METHOD_KINDS.map((k) => ({ value: k.value, label: k.label }))}
            allowDeselect={false}
            w={200}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
            value={form.values.kind || null}
          />
          <Button type="submit" loading={create.isPending} mt={25}>
            Add method
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenameModal({ method, onClose }: { method: PaymentMethod; onClose: () => void }) {
  const update = useUpdatePaymentMethod();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<{ name: string }>({ initialValues: { name: method.name }, validate: { name: methodNameError } });
  const title = `Rename ${method.name}`;
  const submit = (v: { name: string }) => {
    setGeneral(null);
    update.mutate(
      { id: method.id, change: methodChange(method, { name: v.name.trim() }) },
      {
        onSuccess: (m) => {
          notifications.show({ color: 'green', message: `Payment method renamed to ${m.name}.` });
          onClose();
        },
        onError: (e) => setGeneral(applyApiError(form, e, ['name'])),
      },
    );
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
          <TextInput label="Method name" withAsterisk data-autofocus autoComplete="off" {...form.getInputProps('name')} />
          <Text size="sm" c="dimmed">
            Kind: {kindLabel(method.kind)} (it never changes). Past payments keep the name they were taken with.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
