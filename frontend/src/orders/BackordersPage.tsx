import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { statusColor, statusLabel, useAllocateBackorders, useBackorders } from '../api/orders';
import { useWarehouses } from '../api/stock';
import { shortDateTime } from './ordersList';

/**
 * Order lines waiting for stock, oldest order first (the order stock is
 * allocated in), with what is available for each now. Allocate sets what is
 * available aside for them.
 */
export function BackordersPage({ canAllocate }: { canAllocate: boolean }) {
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState('');
  const list = useBackorders(warehouseId);
  const allocate = useAllocateBackorders();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const items = list.data?.items ?? [];
  const name = (id: string) => warehouses.data?.find((w) => w.id === id)?.code ?? '';
  const anyAvailable = items.some((b) => b.available > 0);

  const run = () => {
    setResult(null);
    allocate.mutate(
      { warehouseId, productIds: [] },
      {
        onSuccess: (n) =>
          setResult({
            ok: true,
            text: n === 0 ? 'Nothing to allocate: no stock is available for these backorders.' : `Allocated ${n} ${n === 1 ? 'unit' : 'units'} to backorders.`,
          }),
        onError: (err) => setResult({ ok: false, text: err.message }),
      },
    );
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <Select
          label="Warehouse"
          placeholder="All warehouses"
          clearable
          data={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
          value={warehouseId || null}
          onChange={(v) => setWarehouseId(v ?? '')}
          w={260}
          comboboxProps={{ withinPortal: true }}
        />
        {canAllocate && (
          <Button onClick={run} loading={allocate.isPending} disabled={items.length === 0}>
            Allocate available stock
          </Button>
        )}
      </Group>
      {result && (
        <Alert color={result.ok ? 'green' : 'red'} role={result.ok ? 'status' : 'alert'} withCloseButton onClose={() => setResult(null)}>
          {result.text}
        </Alert>
      )}
      <Text size="sm" c={list.isError ? 'red' : 'dimmed'} aria-live="polite">
        {list.isPending
          ? 'Loading backorders…'
          : list.isError
            ? list.error.message
            : `${list.data.total} backordered ${list.data.total === 1 ? 'line' : 'lines'}${anyAvailable ? '; stock is available for some' : ''}`}
      </Text>
      <Table.ScrollContainer minWidth={800}>
        <Table aria-label="Backorders" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Order</Table.Th>
              <Table.Th scope="col">Ordered</Table.Th>
              <Table.Th scope="col">Customer</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Warehouse</Table.Th>
              <Table.Th scope="col">SKU</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col" ta="right">
                Ordered qty
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Backordered
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Available now
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && !list.isPending && (
              <Table.Tr>
                <Table.Td colSpan={10}>
                  <Text c="dimmed" ta="center" py="md">
                    No backorders: every confirmed order has its stock.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((b) => (
              <Table.Tr key={b.lineId}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/orders/${b.orderId}`} ff="monospace">
                    {b.orderNumber}
                  </Anchor>
                </Table.Th>
                <Table.Td>{shortDateTime(b.orderedAt)}</Table.Td>
                <Table.Td>{b.customerName || 'Walk-in'}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor(b.orderStatus)} variant="light">
                    {statusLabel(b.orderStatus)}
                  </Badge>
                </Table.Td>
                <Table.Td>{name(b.warehouseId)}</Table.Td>
                <Table.Td ff="monospace">{b.sku}</Table.Td>
                <Table.Td>{b.name}</Table.Td>
                <Table.Td ta="right">{b.quantity}</Table.Td>
                <Table.Td ta="right" fw={600} c="orange">
                  {b.backordered}
                </Table.Td>
                <Table.Td ta="right" c={b.available > 0 ? 'green' : undefined} fw={b.available > 0 ? 600 : undefined}>
                  {b.available}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
