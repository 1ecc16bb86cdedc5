import { useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useSaveWavePickList } from '../api/documents';
import { call } from '../api/errors';
import { channelLabel, fetchOrderPage, orderKeys, useOrderEvents, type Order } from '../api/orders';
import { OrdersAPI } from '../api/wails';
import { shortDateTime } from '../orders/ordersList';
import { useMoney } from '../orders/useMoney';

/** The most confirmed orders the queue shows, oldest first. */
const QUEUE_SIZE = 200;

/**
 * The picking queue: confirmed orders waiting for the warehouse, oldest first.
 * Choose a wave, save its pick list (lines merged by product in bin order)
 * and start picking, which moves the orders to Picking. Below, the orders
 * in picking: choose some and open their pick screen to pick by scanning.
 */
export function PickingPage({ canPick }: { canPick: boolean }) {
  useOrderEvents();
  const [inPicking, setInPicking] = useState<Set<string>>(new Set());
  return (
    <Stack gap="xl">
      <section aria-labelledby="queue-title">
        <Title order={2} size="h4" id="queue-title" mb="xs">
          Waiting to be picked
        </Title>
        <PickingQueue canPick={canPick} onStarted={(ids) => setInPicking(new Set(ids))} />
      </section>
      <section aria-labelledby="in-picking-title">
        <Title order={2} size="h4" id="in-picking-title" mb="xs">
          In picking
        </Title>
        <InPicking canPick={canPick} chosen={inPicking} setChosen={setInPicking} />
      </section>
    </Stack>
  );
}

function PickingQueue({ canPick, onStarted }: { canPick: boolean; onStarted: (ids: string[]) => void }) {
  const money = useMoney();
  const qc = useQueryClient();
  const queue = useQuery({
    queryKey: [...orderKeys.pages, 'picking-queue'],
    queryFn: () =>
      fetchOrderPage({ status: 'confirmed', paymentStatus: '', channel: '', customerId: '', from: '', to: '', query: '', limit: QUEUE_SIZE, offset: 0 }),
  });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [starting, setStarting] = useState(false);
  const save = useSaveWavePickList();
  // Oldest first: the order waiting longest is picked first.
  const orders = [...(queue.data?.items ?? [])].reverse();
  const wave = orders.filter((o) => chosen.has(o.id)).map((o) => o.id);
  const start = async () => {
    setStarting(true);
    const failed: string[] = [];
    const started: string[] = [];
    for (const o of orders.filter((x) => chosen.has(x.id))) {
      try {
        await call(() => OrdersAPI.Advance(o.id, 'picking', ''));
        started.push(o.id);
      } catch (err) {
        failed.push(`${o.number}: ${(err as Error).message}`);
      }
    }
    setStarting(false);
    setChosen(new Set());
    onStarted(started);
    void qc.invalidateQueries({ queryKey: orderKeys.all });
    if (failed.length > 0) notifications.show({ color: 'red', title: 'Not all started', message: failed.join('\n') });
    else notifications.show({ color: 'green', message: `Picking started for ${wave.length} ${wave.length === 1 ? 'order' : 'orders'}.` });
  };

  if (queue.isError) return <Alert color="red">{queue.error.message}</Alert>;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {queue.isPending
            ? 'Loading the queue…'
            : orders.length === 0
              ? 'No confirmed orders are waiting to be picked.'
              : `${(queue.data?.total ?? 0).toLocaleString('en-US')} confirmed ${queue.data?.total === 1 ? 'order' : 'orders'} waiting${
                  (queue.data?.total ?? 0) > orders.length ? `; the oldest ${orders.length} shown` : ''
                }`}
        </Text>
        <Group gap="xs" role="group" aria-label="Wave">
          <Button
            variant="default"
            disabled={wave.length === 0}
            loading={save.isPending}
            onClick={() =>
              save.mutate(wave, {
                onSuccess: (where) => where && notifications.show({ color: 'green', message: `Pick list saved: ${where}` }),
                onError: (err) => notifications.show({ color: 'red', title: 'Pick list not saved', message: err.message }),
              })
            }
          >
            Pick list for {wave.length} (PDF)
          </Button>
          {canPick && (
            <Button disabled={wave.length === 0} loading={starting} onClick={() => void start()}>
              Start picking {wave.length}
            </Button>
          )}
        </Group>
      </Group>
      {orders.length > 0 && (
        <WaveTable
          label="Picking queue"
          allLabel="Choose every order"
          rowVerb="Choose"
          orders={orders}
          chosen={chosen}
          onChange={setChosen}
          total={(o) => money(o.total)}
        />
      )}
    </Stack>
  );
}

/** The orders in picking, oldest first: choose a wave and open its pick screen. */
function InPicking({ canPick, chosen, setChosen }: { canPick: boolean; chosen: Set<string>; setChosen: (s: Set<string>) => void }) {
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: [...orderKeys.pages, 'in-picking'],
    queryFn: () =>
      fetchOrderPage({ status: 'picking', paymentStatus: '', channel: '', customerId: '', from: '', to: '', query: '', limit: QUEUE_SIZE, offset: 0 }),
  });
  const orders = [...(list.data?.items ?? [])].reverse();
  const wave = orders.filter((o) => chosen.has(o.id)).map((o) => o.id);
  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.isPending
            ? 'Loading…'
            : orders.length === 0
              ? 'No orders are being picked.'
              : `${(list.data?.total ?? 0).toLocaleString('en-US')} ${list.data?.total === 1 ? 'order' : 'orders'} in picking`}
        </Text>
        {canPick && (
          <Button disabled={wave.length === 0} onClick={() => void navigate(`/warehouse/picking/pick?orders=${wave.join(',')}`)}>
            Open pick screen for {wave.length}
          </Button>
        )}
      </Group>
      {orders.length > 0 && (
        <WaveTable
          label="Orders in picking"
          allLabel="Choose every order in picking"
          rowVerb="Pick"
          orders={orders}
          chosen={chosen}
          onChange={setChosen}
        />
      )}
    </Stack>
  );
}

/**
 * A table of orders to choose a wave from: a box per order and one for all,
 * the order's number (a link), when it was ordered, the customer, the
 * channel and, when total is given, its total.
 */
function WaveTable({
  label,
  allLabel,
  rowVerb,
  orders,
  chosen,
  onChange,
  total,
}: {
  label: string;
  allLabel: string;
  rowVerb: string;
  orders: Order[];
  chosen: Set<string>;
  onChange: (s: Set<string>) => void;
  total?: (o: Order) => string;
}) {
  const picked = orders.filter((o) => chosen.has(o.id)).length;
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <Table aria-label={label} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={40}>
            <Checkbox
              aria-label={allLabel}
              checked={picked === orders.length}
              indeterminate={picked > 0 && picked < orders.length}
              onChange={(e) => onChange(e.currentTarget.checked ? new Set(orders.map((o) => o.id)) : new Set())}
            />
          </Table.Th>
          <Table.Th scope="col">Order</Table.Th>
          <Table.Th scope="col">Ordered</Table.Th>
          <Table.Th scope="col">Customer</Table.Th>
          <Table.Th scope="col">Channel</Table.Th>
          {total && (
            <Table.Th scope="col" ta="right">
              Total
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orders.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <Checkbox aria-label={`${rowVerb} ${o.number}`} checked={chosen.has(o.id)} onChange={() => toggle(o.id)} />
            </Table.Td>
            <Table.Th scope="row" fw={500}>
              <Anchor component={Link} to={`/orders/${o.id}`} ff="monospace" size="sm">
                {o.number}
              </Anchor>
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDateTime(o.createdAt)}</Table.Td>
            <Table.Td>{o.customerName || 'Walk-in'}</Table.Td>
            <Table.Td>{channelLabel(o.channel)}</Table.Td>
            {total && (
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {total(o)}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
