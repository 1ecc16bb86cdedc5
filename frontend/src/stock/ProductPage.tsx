import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { useArchiveProduct, useCompanyCurrency, useProduct, useRestoreProduct, useTaxClasses } from '../api/catalog';
import { useAllBins, useMovements, useProductLevels, useProductStock, useWarehouses } from '../api/stock';
import { formatDateTime } from '../shell/format';
import { PageTitle } from '../shell/PageTitle';
import { KIND_LABELS, refText, signed } from './labels';
import { formatMoney } from './money';
import { ProductEditor } from './ProductEditor';
import { AdjustStockDialog } from './lowstock/AdjustStockDialog';

/** One product: its details, stock per warehouse and bin, and its movement history. */
export function ProductPage({ canManage, canAdjust = false }: { canManage: boolean; canAdjust?: boolean }) {
  const { id = '' } = useParams();
  const product = useProduct(id);
  const currency = useCompanyCurrency();
  const taxClasses = useTaxClasses();
  const [editing, setEditing] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const archive = useArchiveProduct();
  const restore = useRestoreProduct();

  if (product.isPending) return <Loader aria-label="Loading product" />;
  if (product.isError)
    return (
      <Alert color="red" role="alert">
        {product.error.message}
      </Alert>
    );
  const p = product.data;
  const money = (n: number) => formatMoney(n, currency.minorUnits, currency.code);
  const tax = taxClasses.data?.find((t) => t.id === p.taxClassId);
  const toggle = () => {
    const m = p.active ? archive : restore;
    m.mutate(p.id, {
      onSuccess: () => notifications.show({ message: `${p.sku} ${p.active ? 'archived' : 'restored'}.` }),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });
  };

  const facts: [string, string][] = [
    ['SKU', p.sku],
    ['Barcodes', p.barcodes.map((b) => b.value).join(', ') || '–'],
    ['Unit', p.unit],
    ['Price', money(p.price)],
    ['Cost', money(p.cost)],
    ['Tax class', tax ? `${tax.name} (${tax.rateBps / 100} %)` : '–'],
    ['Weight', p.weightG ? `${p.weightG} g` : '–'],
    ['Dimensions', p.lengthMm || p.widthMm || p.heightMm ? `${p.lengthMm} × ${p.widthMm} × ${p.heightMm} mm` : '–'],
    ['Reorder point', String(p.reorderPoint)],
    ['Reorder quantity', String(p.reorderQty)],
  ];

  return (
    <Stack>
      <Anchor component={Link} to="/stock" size="sm">
        ← All products
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{p.name}</PageTitle>
        <Group>
          {!p.active && (
            <Badge color="gray" size="lg">
              Archived
            </Badge>
          )}
          {canAdjust && p.active && (
            <Button variant="default" onClick={() => setAdjusting(true)}>
              Adjust stock
            </Button>
          )}
          {canManage && (
            <>
              <Button variant="default" onClick={toggle} loading={archive.isPending || restore.isPending}>
                {p.active ? 'Archive' : 'Restore'}
              </Button>
              <Button onClick={() => setEditing(true)}>Edit product</Button>
            </>
          )}
        </Group>
      </Group>
      {p.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{p.description}</Text>}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 5 }} component="dl" spacing="xs" m={0}>
          {facts.map(([k, v]) => (
            <div key={k}>
              <Text component="dt" size="xs" c="dimmed">
                {k}
              </Text>
              <Text component="dd" m={0}>
                {v}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <StockTables productId={p.id} />
      <MovementHistory productId={p.id} />
      {canAdjust && <AdjustStockDialog product={p} opened={adjusting} onClose={() => setAdjusting(false)} />}
      {canManage && <ProductEditor opened={editing} onClose={() => setEditing(false)} product={p} />}
    </Stack>
  );
}

function StockTables({ productId }: { productId: string }) {
  const stock = useProductStock(productId);
  const levels = useProductLevels(productId);
  const warehouses = useWarehouses();
  const bins = useAllBins();
  const wh = (id: string) => warehouses.data?.find((w) => w.id === id)?.code ?? id;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <section aria-labelledby="by-warehouse">
        <Title order={2} size="h4" id="by-warehouse" mb="xs">
          Stock by warehouse
        </Title>
        <Table aria-label="Stock by warehouse" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Warehouse</Table.Th>
              <Table.Th scope="col" ta="right">On hand</Table.Th>
              <Table.Th scope="col" ta="right">Reserved</Table.Th>
              <Table.Th scope="col" ta="right">Available</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(stock.data ?? []).map((l) => (
              <Table.Tr key={l.warehouseId}>
                <Table.Td>{wh(l.warehouseId)}</Table.Td>
                <Table.Td ta="right">{l.onHand}</Table.Td>
                <Table.Td ta="right">{l.reserved}</Table.Td>
                <Table.Td ta="right">{l.available}</Table.Td>
              </Table.Tr>
            ))}
            {stock.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>No stock anywhere.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </section>
      <section aria-labelledby="by-bin">
        <Title order={2} size="h4" id="by-bin" mb="xs">
          Stock by bin
        </Title>
        <Table aria-label="Stock by bin" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Warehouse</Table.Th>
              <Table.Th scope="col">Bin</Table.Th>
              <Table.Th scope="col" ta="right">On hand</Table.Th>
              <Table.Th scope="col" ta="right">Reserved</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(levels.data ?? []).map((l) => (
              <Table.Tr key={`${l.warehouseId}/${l.binId}`}>
                <Table.Td>{wh(l.warehouseId)}</Table.Td>
                <Table.Td>{l.binId ? (bins.get(l.binId)?.code ?? '…') : 'No bin'}</Table.Td>
                <Table.Td ta="right">{l.onHand}</Table.Td>
                <Table.Td ta="right">{l.reserved}</Table.Td>
              </Table.Tr>
            ))}
            {levels.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>No stock in any bin.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </section>
    </SimpleGrid>
  );
}

function MovementHistory({ productId }: { productId: string }) {
  const [limit, setLimit] = useState(50);
  const moves = useMovements(productId, limit);
  const warehouses = useWarehouses();
  const bins = useAllBins();
  const where = (w: string, b: string) =>
    `${warehouses.data?.find((x) => x.id === w)?.code ?? ''}${b ? ` / ${bins.get(b)?.code ?? '…'}` : ''}`;
  return (
    <section aria-labelledby="movements">
      <Title order={2} size="h4" id="movements" mb="xs">
        Movement history
      </Title>
      <Table.ScrollContainer minWidth={800}>
        <Table aria-label="Movement history" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col" ta="right">Quantity</Table.Th>
              <Table.Th scope="col">Where</Table.Th>
              <Table.Th scope="col">Why</Table.Th>
              <Table.Th scope="col">Reference</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(moves.data?.items ?? []).map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                <Table.Td>{KIND_LABELS[m.kind] ?? m.kind}</Table.Td>
                <Table.Td ta="right">{signed(m.quantity)}</Table.Td>
                <Table.Td>{where(m.warehouseId, m.binId)}</Table.Td>
                <Table.Td>{m.reason}</Table.Td>
                <Table.Td>{refText(m.refType, m.refId)}</Table.Td>
                <Table.Td>{m.userName}</Table.Td>
              </Table.Tr>
            ))}
            {moves.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>No movements yet.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {moves.data && moves.data.total > moves.data.items.length && (
        <Button variant="subtle" onClick={() => setLimit((n) => Math.min(n + 100, 1000))} mt="xs">
          Show more ({moves.data.total - moves.data.items.length} older)
        </Button>
      )}
    </section>
  );
}
