import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { applyApiError, toApiError, type ApiError } from '../../api/errors';
import { type PriceList, useCreatePriceList, useDeletePriceList, usePriceLists, useUpdatePriceList } from '../../api/pricing';
import {
  PRICE_LIST_ALIASES,
  PRICE_LIST_FIELDS,
  emptyPriceList,
  priceListToForm,
  priceListToInput,
  validatePriceList,
  type PriceListFormValues,
} from './forms';
import { PriceListItems } from './PriceListItems';
import { formatRate } from './rate';

/**
 * Price lists: the default list is every product's own price; each list here
 * gives one customer group its own prices, per product or as a discount.
 */
export function PriceListsSection({ canManage }: { canManage: boolean }) {
  const lists = usePriceLists();
  const [editing, setEditing] = useState<PriceList | 'new' | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<PriceList | null>(null);
  const data = lists.data ?? [];
  const shown = data.find((l) => l.id === shownId);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="price-lists-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="price-lists-title">
            Price lists
          </Title>
          {canManage && <Button onClick={() => setEditing('new')}>New price list</Button>}
        </Group>
        <Text size="sm" c="dimmed">
          Customers without a group, or whose group has no active list, pay the default price: the product's own
          price. A list gives its customer group a price per product, and a discount off the default price for the
          products it has no price for.
        </Text>
        {lists.isError && (
          <Alert color="red" role="alert">
            {toApiError(lists.error).message}
          </Alert>
        )}
        <Table aria-label="Price lists" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Customer group</Table.Th>
              <Table.Th scope="col" ta="right">
                Discount
              </Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((l) => (
              <Table.Tr key={l.id} aria-current={l.id === shownId || undefined} bg={l.id === shownId ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td>{l.customerGroup}</Table.Td>
                <Table.Td ta="right">{l.discountBps ? formatRate(l.discountBps) : '–'}</Table.Td>
                <Table.Td>
                  <Badge color={l.active ? 'green' : 'gray'} variant="light">
                    {l.active ? 'Active' : 'Inactive'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant={l.id === shownId ? 'filled' : 'default'}
                      aria-label={`Prices of ${l.name}`}
                      aria-pressed={l.id === shownId}
                      onClick={() => setShownId(l.id === shownId ? null : l.id)}
                    >
                      Prices
                    </Button>
                    {canManage && (
                      <Button size="xs" variant="default" aria-label={`Edit ${l.name}`} onClick={() => setEditing(l)}>
                        Edit
                      </Button>
                    )}
                    {canManage && (
                      <Button size="xs" variant="subtle" color="red" aria-label={`Delete ${l.name}`} onClick={() => setDeleting(l)}>
                        Delete
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!lists.isPending && data.length === 0 && (
          <Text size="sm" c="dimmed">
            No price lists yet: everyone pays the default prices.
          </Text>
        )}
      </Stack>
      {shown && <PriceListItems key={shown.id} list={shown} canManage={canManage} />}
      {canManage && (
        <PriceListEditor
          opened={editing !== null}
          list={editing === 'new' ? undefined : (editing ?? undefined)}
          onClose={() => setEditing(null)}
          onSaved={(l) => setShownId(l.id)}
        />
      )}
      {canManage && deleting && (
        <DeletePriceListDialog
          list={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(l) => {
            if (l.id === shownId) setShownId(null);
          }}
        />
      )}
    </Paper>
  );
}

interface EditorProps {
  opened: boolean;
  onClose: () => void;
  list?: PriceList;
  onSaved: (l: PriceList) => void;
}

function PriceListEditor({ opened, onClose, list, onSaved }: EditorProps) {
  const create = useCreatePriceList();
  const update = useUpdatePriceList();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<PriceListFormValues>({ initialValues: emptyPriceList, validate: validatePriceList });
  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (!opened) return;
    const values = list ? priceListToForm(list) : emptyPriceList;
    setValues(values);
    resetDirty(values);
    clearErrors();
    // Only when the dialog opens or another list is edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, list?.id]);

  const close = () => {
    setGeneral(null);
    onClose();
  };
  const submit = (values: PriceListFormValues) => {
    setGeneral(null);
    const input = priceListToInput(values);
    const done = {
      onSuccess: (l: PriceList) => {
        notifications.show({ color: 'green', message: `Price list ${l.name} saved.` });
        onSaved(l);
        close();
      },
      onError: (e: unknown) => setGeneral(applyApiError(form, e, PRICE_LIST_FIELDS, PRICE_LIST_ALIASES)),
    };
    if (list) update.mutate({ id: list.id, input }, done);
    else create.mutate(input, done);
  };

  const title = list ? `Edit price list ${list.name}` : 'New price list';
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form onSubmit={form.onSubmit(submit)} aria-label={title} noValidate>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <TextInput label="Price list name" withAsterisk data-autofocus autoComplete="off" {...form.getInputProps('name')} />
          <TextInput
            label="Customer group"
            withAsterisk
            description="The group key set on customers, such as wholesale"
            autoComplete="off"
            {...form.getInputProps('customerGroup')}
          />
          <TextInput
            label="Discount (%)"
            description="Off the default price for products without a price on this list; leave blank for none"
            inputMode="decimal"
            autoComplete="off"
            rightSection="%"
            {...form.getInputProps('discount')}
          />
          <Switch
            label="Active"
            description="An inactive list is ignored: its customers pay the default prices."
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              Save price list
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeletePriceListDialog({ list, onClose, onDeleted }: { list: PriceList; onClose: () => void; onDeleted: (l: PriceList) => void }) {
  const del = useDeletePriceList();
  const [error, setError] = useState('');
  const title = `Delete price list ${list.name}?`;
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Text size="sm">
          The list and all its prices are removed. Customers of the group {list.customerGroup} pay the default prices from then on.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep it
          </Button>
          <Button
            color="red"
            loading={del.isPending}
            onClick={() => {
              setError('');
              del.mutate(list.id, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: `Price list ${list.name} deleted.` });
                  onDeleted(list);
                  onClose();
                },
                onError: (e) => setError(toApiError(e).message),
              });
            }}
          >
            Delete price list
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
