import { useState, type ReactNode } from 'react';
import { Alert, Box, Anchor, Badge, Button, Card, Flex, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import {
  cancellable,
  channelLabel,
  editable,
  isVersionConflict,
  nextStage,
  orderKeys,
  statusColor,
  statusLabel,
  useAdvanceOrder,
  useCancelOrder,
  useConfirmOrder,
  useDeleteDraft,
  useHandOver,
  useOrder,
  useRemoveLine,
  useScan,
  useUpdateLine,
  type Order,
  type OrderAddress,
} from '../api/orders';
import type { ApiError } from '../api/errors';
import { useOrderShipments } from '../api/shipments';
import { useWarehouses } from '../api/stock';
import type { SessionInfo } from '../api/types';
import { beep } from '../counter/beep';
import { parseScan } from '../counter/sale';
import { formatDateTime } from '../shell/format';
import { PageTitle } from '../shell/PageTitle';
import { hasPermission } from '../shell/permissions';
import { DocumentButtons } from './DocumentButtons';
import { OrderDetailsDialog } from './OrderDetailsDialog';
import { LinesTable } from './LinesTable';
import { PaymentsCard } from './PaymentsCard';
import { ReturnDialog } from './ReturnDialog';
import { ReturnsCard } from './ReturnsCard';
import { ShipmentsCard } from './ShipmentsCard';
import { TotalsPanel } from './TotalsPanel';
import { addressLines } from './ordersList';
import { useMoney } from './useMoney';

/** One order: header, addresses, lines, totals, history and what may be done with it now. */
export function OrderPage({ session }: { session: SessionInfo }) {
  const { id = '' } = useParams();
  const order = useOrder(id);

  if (order.isPending) return <Text c="dimmed">Loading the order…</Text>;
  if (order.isError || !order.data) {
    return (
      <Stack>
        <PageTitle>Order</PageTitle>
        <Alert color="red" title="Order not found">
          {order.error?.message ?? 'This order does not exist (a deleted draft?).'}
        </Alert>
        <Anchor component={Link} to="/orders">
          Back to the orders
        </Anchor>
      </Stack>
    );
  }
  return <OrderScreen order={order.data} session={session} />;
}

function OrderScreen({ order: o, session }: { order: Order; session: SessionInfo }) {
  const money = useMoney();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const warehouses = useWarehouses();
  const can = (p: string) => hasPermission(session.permissions, p);
  const canEdit = editable(o.status) && can('orders.create');
  const warehouse = warehouses.data?.find((w) => w.id === o.warehouseId);
  const shipments = useOrderShipments(o.id);
  // An order that ships in shipments moves on with them: packed and shipped are theirs (the backend refuses them by hand).
  const inShipments = o.lines.some((l) => l.shipped > 0) || (shipments.data?.items.length ?? 0) > 0;
  const stage = nextStage(o.status);
  const next = inShipments && (stage === 'packed' || stage === 'shipped') ? null : stage;

  const confirm = useConfirmOrder();
  const handOver = useHandOver();
  const advance = useAdvanceOrder();
  const cancel = useCancelOrder();
  const del = useDeleteDraft();
  const updateLine = useUpdateLine();
  const removeLine = useRemoveLine();
  const scan = useScan();
  const [dialog, setDialog] = useState<'cancel' | 'delete' | 'return' | 'details' | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [code, setCode] = useState('');
  const [scanError, setScanError] = useState('');
  const busy = [confirm, handOver, advance, cancel, del, updateLine, removeLine, scan].some((m) => m.isPending);

  const failed = (err: ApiError) => {
    if (isVersionConflict(err)) {
      void qc.invalidateQueries({ queryKey: orderKeys.one(o.id) });
      notifications.show({
        color: 'yellow',
        title: 'Changed elsewhere',
        message: 'Someone else changed this order; it has been reloaded. Check it and try again.',
      });
    } else {
      notifications.show({ color: 'red', title: 'Not done', message: err.message });
    }
  };
  const done = (message: string) => () => notifications.show({ color: 'green', message });

  const onScan = () => {
    const parsed = parseScan(code);
    if (!parsed.ok) {
      setScanError(parsed.error);
      return;
    }
    scan.mutate(
      { orderId: o.id, version: o.version, code: parsed.code, quantity: parsed.quantity },
      {
        onSuccess: () => {
          setCode('');
          setScanError('');
        },
        onError: (err) => {
          if (err.code === 'ENOTFOUND' && err.field === 'code') {
            beep();
            setScanError(`No product has the barcode or SKU “${parsed.code}”.`);
          } else if (isVersionConflict(err)) failed(err);
          else setScanError(err.message);
        },
      },
    );
  };

  const doCancel = () => {
    if (note.trim() === '') {
      setNoteError('Say why the order is cancelled.');
      return;
    }
    cancel.mutate(
      { id: o.id, note: note.trim() },
      {
        onSuccess: () => {
          setDialog(null);
          setNote('');
          done(`Order ${o.number} cancelled.`)();
        },
        onError: (err) => (err.field === 'note' ? setNoteError(err.message) : failed(err)),
      },
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="sm" align="center">
          <PageTitle>Order {o.number}</PageTitle>
          <Badge size="lg" color={statusColor(o.status)} variant="light" mb="md">
            {statusLabel(o.status)}
          </Badge>
        </Group>
        <Group gap="xs" role="group" aria-label="Order actions">
          {canEdit && (
            <Button disabled={busy} variant="default" onClick={() => setDialog('details')}>
              Edit details
            </Button>
          )}
          {o.status === 'draft' && can('orders.create') && (
            <Button disabled={busy} onClick={() => confirm.mutate({ id: o.id, version: o.version }, { onSuccess: done(`Order ${o.number} confirmed.`), onError: failed })}>
              Confirm
            </Button>
          )}
          {o.status === 'confirmed' && o.channel === 'counter' && can('orders.create') && (
            <Button disabled={busy} variant="default" onClick={() => handOver.mutate(o.id, { onSuccess: done(`Order ${o.number} handed over.`), onError: failed })}>
              Hand over
            </Button>
          )}
          {next && can('warehouse.use') && (
            <Button disabled={busy} onClick={() => advance.mutate({ id: o.id, to: next }, { onSuccess: done(`Order ${o.number} is ${statusLabel(next).toLowerCase()}.`), onError: failed })}>
              Advance to {statusLabel(next)}
            </Button>
          )}
          {(o.status === 'shipped' || o.status === 'delivered') && can('orders.manage') && (
            <Button disabled={busy} variant="default" onClick={() => setDialog('return')}>
              Return items
            </Button>
          )}
          {cancellable(o.status) && !inShipments && can('orders.manage') && (
            <Button disabled={busy} color="red" variant="light" onClick={() => setDialog('cancel')}>
              Cancel order
            </Button>
          )}
          {o.status === 'draft' && can('orders.create') && (
            <Button disabled={busy} color="red" variant="subtle" onClick={() => setDialog('delete')}>
              Delete draft
            </Button>
          )}
        </Group>
      </Group>

      {o.status !== 'draft' && (
        <DocumentButtons orderId={o.id} kinds={o.status === 'cancelled' ? ['invoice'] : ['invoice', 'packing-slip', 'pick-list']} size="xs" />
      )}
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          <Field label="Customer">
            {o.customerId ? (
              <Anchor component={Link} to={`/customers/${o.customerId}`}>
                {o.customerName || 'Customer'}
              </Anchor>
            ) : (
              'Walk-in'
            )}
          </Field>
          <Field label="Channel">{channelLabel(o.channel)}</Field>
          <Field label="Warehouse">{warehouse ? `${warehouse.code} – ${warehouse.name}` : o.warehouseId ? '…' : 'None'}</Field>
          <Field label="Created">{formatDateTime(o.createdAt)}</Field>
          <Field label="Updated">{formatDateTime(o.updatedAt)}</Field>
          <Field label="Created by">{o.createdBy || '—'}</Field>
        </SimpleGrid>
        {o.notes && (
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            <b>Notes:</b> {o.notes}
          </Text>
        )}
      </Card>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AddressCard title="Billing address" address={o.billingAddress} />
        <AddressCard title="Shipping address" address={o.shippingAddress} />
      </SimpleGrid>

      <Card withBorder padding="sm" component="section" aria-labelledby="order-lines">
        <Title order={2} size="h4" id="order-lines" mb="xs">
          Lines
        </Title>
        {canEdit && (
          <TextInput
            label="Add by SKU or barcode"
            description="Enter adds it; 3*CODE adds three"
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value);
              setScanError('');
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onScan();
              }
            }}
            error={scanError || undefined}
            disabled={busy}
            autoComplete="off"
            mb="xs"
            maw={420}
          />
        )}
        <LinesTable
          label="Order lines"
          lines={o.lines}
          money={money}
          editable={canEdit}
          busy={busy}
          showStock
          showFulfilment={!['draft', 'confirmed', 'cancelled'].includes(o.status) || o.lines.some((l) => l.picked > 0 || l.shipped > 0)}
          onChange={(l, quantity, discountBps) =>
            updateLine.mutate(
              { lineId: l.id, version: o.version, fields: { quantity, discountBps, discountAmount: l.discountAmount } },
              { onError: failed },
            )
          }
          onRemove={(l) => removeLine.mutate({ lineId: l.id, version: o.version }, { onError: failed })}
          empty="This order has no lines."
        />
      </Card>
      <Flex gap="md" align="flex-start" direction={{ base: 'column-reverse', md: 'row' }}>
        <div style={{ flex: '1 1 0', minWidth: 0, width: '100%' }}>
          <Stack gap="md">
            <ShipmentsCard orderId={o.id} money={money} canUpdate={can('warehouse.use')} />
            <PaymentsCard order={o} money={money} canPay={can('orders.create')} canRefund={can('orders.manage')} />
            <ReturnsCard orderId={o.id} money={money} />
          </Stack>
        </div>
        <Box w={{ base: '100%', md: 340 }} style={{ flexShrink: 0 }}>
          <Card withBorder padding="sm" component="section" aria-labelledby="order-totals">
            <Title order={2} size="h4" id="order-totals" mb="xs">
              Totals
            </Title>
            <TotalsPanel totals={o} money={money} />
            {o.rates.length > 1 && (
              <Text size="xs" c="dimmed" mt="xs">
                Tax by rate: {o.rates.map((r) => `${r.rateBps / 100} %: ${money(r.tax)}`).join(' · ')}
              </Text>
            )}
          </Card>
        </Box>
      </Flex>
      <Card withBorder padding="sm" component="section" aria-labelledby="order-history">
        <Title order={2} size="h4" id="order-history" mb="xs">
          History
        </Title>
        <Table aria-label="History" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">Change</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.events.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed">No status changes yet.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {o.events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.userName || '—'}</Table.Td>
                <Table.Td>
                  {/* The status stays as it is only for a return (order.CreateReturn). */}
                  {e.from === e.to ? 'Return' : e.from ? `${statusLabel(e.from)} → ${statusLabel(e.to)}` : statusLabel(e.to)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <ReturnDialog order={o} opened={dialog === 'return'} onClose={() => setDialog(null)} money={money} />
      <OrderDetailsDialog order={o} opened={dialog === 'details'} onClose={() => setDialog(null)} />
      <Modal opened={dialog === 'cancel'} onClose={() => setDialog(null)} title={`Cancel order ${o.number}`}>
        <Stack>
          <Text size="sm">
            Reserved stock is released and what was paid is recorded as refunds to pay out. The reason is kept in the order’s history.
          </Text>
          <Textarea
            label="Reason"
            required
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError('');
            }}
            error={noteError || undefined}
            data-autofocus
            rows={3}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              Keep the order
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={doCancel}>
              Cancel order
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={dialog === 'delete'} onClose={() => setDialog(null)} title={`Delete draft ${o.number}?`}>
        <Stack>
          <Text size="sm">The draft and its lines are deleted. This cannot be undone.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              Keep the draft
            </Button>
            <Button
              color="red"
              loading={del.isPending}
              onClick={() =>
                del.mutate(
                  { id: o.id, version: o.version },
                  {
                    onSuccess: () => {
                      setDialog(null);
                      notifications.show({ color: 'green', message: `Draft ${o.number} deleted.` });
                      void navigate('/orders');
                    },
                    onError: (err) => {
                      setDialog(null);
                      failed(err);
                    },
                  },
                )
              }
            >
              Delete draft
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </div>
  );
}

function AddressCard({ title, address }: { title: string; address: OrderAddress }) {
  const lines = addressLines(address);
  return (
    <Card withBorder padding="sm" component="section" aria-label={title}>
      <Text size="xs" c="dimmed" mb={4}>
        {title}
      </Text>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ) : (
        lines.map((l, i) => (
          <Text size="sm" key={i}>
            {l}
          </Text>
        ))
      )}
    </Card>
  );
}
