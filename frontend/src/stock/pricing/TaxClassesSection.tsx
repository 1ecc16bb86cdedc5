import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type TaxClass, useCreateTaxClass, useTaxClasses } from '../../api/catalog';
import { applyApiError, toApiError, type ApiError } from '../../api/errors';
import { useDeleteTaxClass, useUpdateTaxClass } from '../../api/pricing';
import {
  TAX_CLASS_ALIASES,
  TAX_CLASS_FIELDS,
  emptyTaxClass,
  taxClassToForm,
  taxClassToInput,
  validateTaxClass,
  type TaxClassFormValues,
} from './forms';
import { formatRate } from './rate';

/** Tax classes with their rates; people who manage stock add, change and delete them. */
export function TaxClassesSection({ canManage }: { canManage: boolean }) {
  const classes = useTaxClasses();
  const remove = useDeleteTaxClass();
  const [editing, setEditing] = useState<TaxClass | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TaxClass | null>(null);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);

  const closeDelete = () => {
    setDeleting(null);
    setDeleteError(null);
  };
  const confirmDelete = () => {
    if (!deleting) return;
    setDeleteError(null);
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: `Tax class ${deleting.name} deleted.` });
        closeDelete();
      },
      onError: (e) => setDeleteError(toApiError(e)),
    });
  };

  const list = classes.data ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tax-classes-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="tax-classes-title">
            Tax classes
          </Title>
          {canManage && <Button onClick={() => setEditing('new')}>Add tax class</Button>}
        </Group>
        {classes.isError && (
          <Alert color="red" role="alert">
            {toApiError(classes.error).message}
          </Alert>
        )}
        <Table aria-label="Tax classes" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col" ta="right">
                Rate
              </Table.Th>
              {canManage && (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td ta="right">{formatRate(t.rateBps)}</Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="default" aria-label={`Edit ${t.name}`} onClick={() => setEditing(t)}>
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        aria-label={`Delete ${t.name}`}
                        onClick={() => setDeleting(t)}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!classes.isPending && list.length === 0 && (
          <Text size="sm" c="dimmed">
            No tax classes yet.
          </Text>
        )}
      </Stack>
      {canManage && (
        <TaxClassEditor
          opened={editing !== null}
          taxClass={editing === 'new' ? undefined : (editing ?? undefined)}
          onClose={() => setEditing(null)}
        />
      )}
      <Modal opened={deleting !== null} onClose={closeDelete} title={`Delete ${deleting?.name ?? ''}?`}>
        <Stack gap="sm">
          {deleteError && (
            <Alert color="red" role="alert">
              {deleteError.message}
            </Alert>
          )}
          <Text size="sm">A tax class can only be deleted while no product uses it.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDelete} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={confirmDelete} loading={remove.isPending}>
              Delete tax class
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

interface EditorProps {
  opened: boolean;
  onClose: () => void;
  taxClass?: TaxClass;
}

function TaxClassEditor({ opened, onClose, taxClass }: EditorProps) {
  const create = useCreateTaxClass();
  const update = useUpdateTaxClass();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<TaxClassFormValues>({ initialValues: emptyTaxClass, validate: validateTaxClass });
  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (!opened) return;
    const values = taxClass ? taxClassToForm(taxClass) : emptyTaxClass;
    setValues(values);
    resetDirty(values);
    clearErrors();
    // Only when the dialog opens or another class is edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, taxClass?.id]);

  const close = () => {
    setGeneral(null);
    onClose();
  };
  const submit = (values: TaxClassFormValues) => {
    setGeneral(null);
    const input = taxClassToInput(values);
    const done = {
      onSuccess: (t: TaxClass) => {
        notifications.show({ color: 'green', message: `Tax class ${t.name} saved.` });
        close();
      },
      onError: (e: unknown) => setGeneral(applyApiError(form, e, TAX_CLASS_FIELDS, TAX_CLASS_ALIASES)),
    };
    if (taxClass) update.mutate({ id: taxClass.id, input }, done);
    else create.mutate(input, done);
  };

  const title = taxClass ? `Edit tax class ${taxClass.name}` : 'Add tax class';
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form onSubmit={form.onSubmit(submit)} aria-label={title} noValidate>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <TextInput label="Tax class name" withAsterisk data-autofocus autoComplete="off" {...form.getInputProps('name')} />
          <TextInput
            label="Rate (%)"
            withAsterisk
            description="A percent with up to 2 decimals, such as 19 or 7.5"
            inputMode="decimal"
            autoComplete="off"
            rightSection="%"
            {...form.getInputProps('rate')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              Save tax class
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
