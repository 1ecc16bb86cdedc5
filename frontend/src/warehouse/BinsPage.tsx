import { useState, type KeyboardEvent } from 'react';
import { Alert, Anchor, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useProducts } from '../api/catalog';
import { toApiError } from '../api/errors';
import { useBinLevels, useBins, useWarehouses } from '../api/stock';
import { binByCode } from './bins';

/** Stock by bin: choose a warehouse and a bin (or scan its code) and see what lies in it. */
export function BinsPage() {
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [binId, setBinId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [scanError, setScanError] = useState('');
  const bins = useBins(warehouseId);
  const levels = useBinLevels(binId);
  const products = useProducts([...new Set((levels.data ?? []).map((l) => l.productId))]);
  const bin = bins.data?.find((b) => b.id === binId);

  const onScan = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const found = binByCode(bins.data ?? [], code);
    if (found) {
      setBinId(found.id);
      setScanError('');
      setCode('');
    } else {
      setScanError(code.trim() ? `No bin ${code.trim()} in this warehouse.` : 'Scan or type a bin code.');
    }
  };

  return (
    <Stack>
      <Group align="flex-start">
        <Select
          allowDeselect={false}
          label="Warehouse"
          data={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
          value={warehouseId}
          onChange={(v) => {
            setWarehouseId(v);
            setBinId(null);
            setScanError('');
          }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          allowDeselect={false}
          label="Bin"
          searchable
          disabled={!warehouseId}
          data={(bins.data ?? []).map((b) => ({ value: b.id, label: b.active ? b.code : `${b.code} (inactive)` }))}
          value={binId}
          onChange={(v) => {
            setBinId(v);
            setScanError('');
          }}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Scan bin code"
          description="Scan or type the code, then Enter"
          disabled={!warehouseId}
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          onKeyDown={onScan}
          error={scanError || undefined}
        />
      </Group>
      {levels.isError && (
        <Alert color="red" role="alert">
          {toApiError(levels.error).message}
        </Alert>
      )}
      {bin && (
        <Stack gap="xs" component="section" aria-label={`Contents of bin ${bin.code}`}>
          <Title order={2} size="h4">
            Bin {bin.code}
          </Title>
          <Table aria-label={`Stock in bin ${bin.code}`} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">SKU</Table.Th>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col" ta="right">
                  On hand
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Reserved
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Available
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(levels.data ?? []).map((l) => {
                const p = products.get(l.productId);
                return (
                  <Table.Tr key={l.productId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/stock/products/${l.productId}`}>
                        {p?.sku ?? '…'}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p?.name ?? ''}</Table.Td>
                    <Table.Td ta="right">{l.onHand}</Table.Td>
                    <Table.Td ta="right">{l.reserved}</Table.Td>
                    <Table.Td ta="right">{l.available}</Table.Td>
                  </Table.Tr>
                );
              })}
              {levels.data?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm">This bin is empty.</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
