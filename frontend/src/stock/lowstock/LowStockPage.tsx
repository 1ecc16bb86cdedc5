import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, Loader, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { toApiError, type ApiError } from '../../api/errors';
import { useCreateReorderPO, useLowStockLines, useReorderSuggestions, useSuppliers, useWarehouses } from '../../api/stock';
import { PageTitle } from '../../shell/PageTitle';

/**
 * The low-stock list: every product whose available stock in a warehouse is
 * below its reorder point, with the reorder suggestion; chosen lines of one
 * warehouse become a draft purchase order for a supplier.
 */
export function LowStockPage({ canManage }: { canManage: boolean }) {
  const lines = useLowStockLines();
  const warehouses = useWarehouses();
  const suppliers = useSuppliers();
  const [chosenWarehouse, setWarehouse] = useState<string | null>(null);
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const createPO = useCreateReorderPO();
  const navigate = useNavigate();

  const all = useMemo(() => lines.data ?? [], [lines.data]);
  const lowWarehouses = useMemo(() => [...new Set(all.map((l) => l.warehouseId))], [all]);
  const warehouseId = chosenWarehouse ?? lowWarehouses[0] ?? null;
  const suggestions = useReorderSuggestions(warehouseId);
  const shown = all.filter((l) => l.warehouseId === warehouseId);
  const suggestionOf = new Map((suggestions.data ?? []).map((s) => [s.productId, s]));
  const orderable = shown.filter((l) => suggestionOf.has(l.productId)).map((l) => l.productId);
  const chosen = orderable.filter((id) => selected.has(id));

  const whOptions = (warehouses.data ?? [])
    .filter((w) => lowWarehouses.includes(w.id))
    .map((w) => ({ value: w.id, label: `${w.code} – ${w.name} (${all.filter((l) => l.warehouseId === w.id).length})` }));
  const supplierOptions = (suppliers.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.code} – ${s.name}` }));

  const toggle = (id: string, on: boolean) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const create = () => {
    setError(null);
    if (!supplierId) {
      setError(toApiError({ code: 'EINVALID', field: 'supplierId', message: 'Choose the supplier to order from.' }));
      return;
    }
    createPO.mutate(
      { supplierId, warehouseId: warehouseId ?? '', productIds: chosen },
      {
        onSuccess: (po) => {
          notifications.show({ color: 'green', message: `Draft purchase order created with ${po.lines.length} line${po.lines.length === 1 ? '' : 's'}.` });
          void navigate('/warehouse/purchase-orders');
        },
        onError: (err) => setError(toApiError(err)),
      },
    );
  };
  const supplierError = error?.field === 'supplierId' ? error.message : undefined;

  return (
    <Stack>
      <Anchor component={Link} to="/stock" size="sm">
        ← All products
      </Anchor>
      <PageTitle>Low stock</PageTitle>
      {lines.isPending ? (
        <Loader aria-label="Loading low stock" />
      ) : lines.isError ? (
        <Alert color="red" role="alert">
          {lines.error.message}
        </Alert>
      ) : all.length === 0 ? (
        <Text>Every product is at or above its reorder point.</Text>
      ) : (
        <>
          <Group align="flex-end">
            <Select
              label="Warehouse"
              w={360}
              allowDeselect={false}
              data={whOptions}
              value={warehouseId}
              onChange={(v) => {
                setWarehouse(v);
                setSelected(new Set());
              }}
            />
          </Group>
          <Table aria-label="Low stock" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={40}>
                  <Checkbox
                    aria-label="Select all"
                    checked={orderable.length > 0 && chosen.length === orderable.length}
                    indeterminate={chosen.length > 0 && chosen.length < orderable.length}
                    disabled={orderable.length === 0}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(orderable) : new Set())}
                  />
                </Table.Th>
                <Table.Th scope="col">SKU</Table.Th>
                <Table.Th scope="col">Product</Table.Th>
                <Table.Th scope="col">Warehouse</Table.Th>
                <Table.Th scope="col" ta="right">
                  Available
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Reorder point
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  On order
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Suggested
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((l) => {
                const s = suggestionOf.get(l.productId);
                return (
                  <Table.Tr key={`${l.productId}-${l.warehouseId}`}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${l.sku}`}
                        checked={selected.has(l.productId) && !!s}
                        disabled={!s}
                        onChange={(e) => toggle(l.productId, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/stock/products/${l.productId}`}>
                        {l.sku}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{l.name}</Table.Td>
                    <Table.Td>{l.warehouse}</Table.Td>
                    <Table.Td ta="right">{l.available}</Table.Td>
                    <Table.Td ta="right">{l.reorderPoint}</Table.Td>
                    <Table.Td ta="right">{s?.onOrder ?? '–'}</Table.Td>
                    <Table.Td ta="right">{s ? s.suggested : suggestions.isPending ? '…' : 'Enough on order'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {canManage && (
            <Paper withBorder p="md">
              <Stack gap="sm">
                {error && !supplierError && (
                  <Alert color="red" role="alert">
                    {error.message}
                  </Alert>
                )}
                <Group align="flex-end">
                  <Select
                    label="Supplier"
                    w={320}
                    withAsterisk
                    searchable
                    data={supplierOptions}
                    value={supplierId}
                    onChange={setSupplierId}
                    error={supplierError}
                    nothingFoundMessage="No supplier"
                  />
                  <Button onClick={create} disabled={chosen.length === 0} loading={createPO.isPending}>
                    Create draft purchase order
                  </Button>
                </Group>
                <Text size="sm" c="dimmed">
                  {chosen.length} of {orderable.length} selected; the order gets the suggested quantities at the products' costs.
                </Text>
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
