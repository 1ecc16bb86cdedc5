import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { useCompanyCurrency } from '../api/catalog';
import { toApiError, type ApiError } from '../api/errors';
import {
  useCancelPurchaseOrder,
  usePurchaseOrder,
  useSendPurchaseOrder,
  useSuppliers,
  useUpdatePurchaseOrder,
  useWarehouses,
  type PurchaseOrder,
} from '../api/stock';
import { formatDateTime } from '../shell/format';
import { formatMoney } from '../stock/money';
import { addProduct, editLineErrors, toEditLines, toLineInputs, type EditLine } from './poDraft';
import { ProductSelect } from './ProductSelect';
import { PO_STATUS, STATUS_COLOR } from './PurchaseOrdersPage';

const RECEIVABLE = ['sent', 'partly_received'];

/** One purchase order: header, lines and total; a draft's lines can be edited, a sent one received or cancelled. */
export function PurchaseOrderScreen({ canManage }: { canManage: boolean }) {
  const { id = '' } = useParams();
  const po = usePurchaseOrder(id);
  const suppliers = useSuppliers();
  const warehouses = useWarehouses();
  const currency = useCompanyCurrency();
  const send = useSendPurchaseOrder();
  const cancel = useCancelPurchaseOrder();
  const [editing, setEditing] = useState(false);
  const money = (minor: number) => formatMoney(minor, currency.minorUnits, currency.code);

  if (po.isPending) return <Loader aria-label="Loading purchase order" />;
  if (po.isError) {
    return (
      <Stack>
        <BackLink />
        <Alert color="red" role="alert">
          {toApiError(po.error).message}
        </Alert>
      </Stack>
    );
  }
  const o = po.data;
  const supplier = suppliers.data?.find((s) => s.id === o.supplierId);
  const warehouse = warehouses.data?.find((w) => w.id === o.warehouseId);
  const act = (fn: typeof send, done: string) =>
    fn.mutate(o.id, {
      onSuccess: () => notifications.show({ color: 'green', message: `${o.number} ${done}.` }),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });
  const open = o.status === 'draft' || RECEIVABLE.includes(o.status);

  return (
    <Stack>
      <BackLink />
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2} size="h3">
            Purchase order {o.number}
          </Title>
          <Badge color={STATUS_COLOR[o.status]} variant="light">
            {PO_STATUS[o.status] ?? o.status}
          </Badge>
        </Group>
        {canManage && !editing && (
          <Group gap="xs">
            {o.status === 'draft' && (
              <>
                <Button variant="default" disabled={!currency.ready} onClick={() => setEditing(true)}>
                  Edit lines
                </Button>
                <Button onClick={() => act(send, 'sent')} loading={send.isPending}>
                  Send
                </Button>
              </>
            )}
            {RECEIVABLE.includes(o.status) && (
              <Button component={Link} to={`/warehouse/receiving?po=${encodeURIComponent(o.id)}`}>
                Receive
              </Button>
            )}
            {open && (
              <Button color="red" variant="light" onClick={() => act(cancel, 'cancelled')} loading={cancel.isPending}>
                Cancel order
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 5 }} component="dl" m={0}>
          <Field label="Supplier" value={supplier ? `${supplier.code} – ${supplier.name}` : ''} />
          <Field label="Warehouse" value={warehouse?.code ?? ''} />
          <Field label="Created" value={formatDateTime(o.createdAt)} />
          <Field label="Sent" value={o.sentAt ? formatDateTime(o.sentAt) : '–'} />
          <Field label={o.status === 'cancelled' ? 'Cancelled' : 'Closed'} value={o.closedAt ? formatDateTime(o.closedAt) : '–'} />
        </SimpleGrid>
        {o.notes && (
          <Text size="sm" mt="xs">
            {o.notes}
          </Text>
        )}
      </Paper>
      {editing && currency.ready ? (
        <DraftEditor po={o} onDone={() => setEditing(false)} />
      ) : (
        <Table aria-label="Purchase order lines" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">SKU</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col" ta="right">
                Ordered
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Received
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Unit cost
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Line total
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/stock/products/${l.productId}`}>
                    {l.sku}
                  </Anchor>
                </Table.Td>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td ta="right">{l.quantity}</Table.Td>
                <Table.Td ta="right">{l.received}</Table.Td>
                <Table.Td ta="right">{money(l.unitCost)}</Table.Td>
                <Table.Td ta="right">{money(l.quantity * l.unitCost)}</Table.Td>
              </Table.Tr>
            ))}
            {o.lines.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>No lines yet.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={5} ta="right">
                Order total
              </Table.Th>
              <Table.Td ta="right" fw={700} aria-label="Order total">
                {money(o.total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Stack>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/warehouse/purchase-orders" size="sm">
      ← All purchase orders
    </Anchor>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {value}
      </Text>
    </div>
  );
}

function DraftEditor({ po, onDone }: { po: PurchaseOrder; onDone: () => void }) {
  const currency = useCompanyCurrency();
  const update = useUpdatePurchaseOrder();
  // Mounted once the currency is known, so the costs show with the right decimals.
  const [lines, setLines] = useState<EditLine[]>(() => toEditLines(po.lines, currency.minorUnits));
  const [notes, setNotes] = useState(po.notes);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ApiError | null>(null);
  const setLine = (key: number, patch: Partial<EditLine>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const errs = editLineErrors(lines, currency.minorUnits);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    update.mutate(
      { id: po.id, notes, lines: toLineInputs(lines, currency.minorUnits) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: `${saved.number} saved.` });
          onDone();
        },
        onError: (err) => {
          const api = toApiError(err);
          if (api.field) setErrors({ [api.field]: api.message });
          else setGeneral(api);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md">
      <form aria-label="Edit purchase order lines" onSubmit={submit}>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          {errors.lines && (
            <Alert color="red" role="alert">
              {errors.lines}
            </Alert>
          )}
          {lines.map((l, i) => (
            <Group key={l.key} align="flex-start" wrap="nowrap" role="group" aria-label={`Line ${i + 1}: ${l.sku}`}>
              <Stack gap={0} style={{ flex: 1 }} mt={24}>
                <Text size="sm" fw={500}>
                  {l.sku}
                </Text>
                <Text size="xs" c="dimmed">
                  {l.name}
                </Text>
                {errors[`lines.${i}.productId`] && (
                  <Text size="xs" c="red">
                    {errors[`lines.${i}.productId`]}
                  </Text>
                )}
              </Stack>
              <NumberInput
                label="Quantity"
                min={1}
                allowDecimal={false}
                w={110}
                value={l.quantity}
                onChange={(v) => setLine(l.key, { quantity: v })}
                error={errors[`lines.${i}.quantity`]}
              />
              <TextInput
                label="Unit cost"
                w={140}
                inputMode="decimal"
                rightSection={currency.code}
                rightSectionWidth={48}
                value={l.unitCost}
                onChange={(e) => setLine(l.key, { unitCost: e.currentTarget.value })}
                error={errors[`lines.${i}.unitCost`]}
              />
              <Button
                variant="subtle"
                color="red"
                mt={24}
                onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                aria-label={`Remove line ${i + 1}`}
              >
                Remove
              </Button>
            </Group>
          ))}
          {lines.length === 0 && <Text size="sm">No lines: add a product below.</Text>}
          <ProductSelect
            label="Add product"
            value={null}
            onChange={(p) => p && setLines((ls) => addProduct(ls, p, currency.minorUnits))}
          />
          <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Discard changes
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save lines
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
