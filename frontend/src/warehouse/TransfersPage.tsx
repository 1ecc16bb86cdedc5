import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Product } from '../api/catalog';
import { toApiError } from '../api/errors';
import { useAllBins, useBins, useProductLevels, useTransfer, useWarehouses } from '../api/stock';
import { ProductSelect } from './ProductSelect';

/** Moves stock of a product between bins or warehouses. */
export function TransfersPage() {
  const warehouses = useWarehouses();
  const [product, setProduct] = useState<Product | null>(null);
  const [fromWh, setFromWh] = useState<string | null>(null);
  const [fromBin, setFromBin] = useState<string | null>(null);
  const [toWh, setToWh] = useState<string | null>(null);
  const [toBin, setToBin] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fromBins = useBins(fromWh);
  const toBins = useBins(toWh);
  const transfer = useTransfer();
  const whOptions = (warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!product) errs.productId = 'Choose a product.';
    if (!fromWh) errs['from.warehouseId'] = 'Choose where from.';
    if (!toWh) errs['to.warehouseId'] = 'Choose where to.';
    if (!(Number(quantity) >= 1)) errs.quantity = 'Move at least 1.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    transfer.mutate(
      {
        productId: product?.id ?? '',
        fromWarehouseId: fromWh ?? '',
        fromBinId: fromBin ?? '',
        toWarehouseId: toWh ?? '',
        toBinId: toBin ?? '',
        quantity: Math.trunc(Number(quantity)),
        reason,
      },
      {
        onSuccess: (t) => {
          notifications.show({ color: 'green', message: `Moved ${t.in.quantity} of ${product?.sku}.` });
          setQuantity(1);
        },
        onError: (err) => {
          const api = toApiError(err);
          setErrors({ [api.field || 'general']: api.message });
        },
      },
    );
  };

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md">
        <form aria-label="Transfer stock" onSubmit={submit}>
          <Stack gap="sm">
            {errors.general && (
              <Alert color="red" role="alert">
                {errors.general}
              </Alert>
            )}
            <ProductSelect label="Product" value={product} onChange={setProduct} error={errors.productId} autoFocus />
            <Group grow align="flex-start">
              <Select
                allowDeselect={false}
                label="From warehouse"
                withAsterisk
                data={whOptions}
                value={fromWh}
                onChange={(v) => {
                  setFromWh(v);
                  setFromBin(null);
                }}
                error={errors['from.warehouseId']}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label="From bin"
                placeholder="No bin"
                clearable
                data={(fromBins.data ?? []).map((b) => ({ value: b.id, label: b.code }))}
                value={fromBin}
                onChange={setFromBin}
                error={errors['from.binId']}
                comboboxProps={{ withinPortal: true }}
              />
            </Group>
            <Group grow align="flex-start">
              <Select
                allowDeselect={false}
                label="To warehouse"
                withAsterisk
                data={whOptions}
                value={toWh}
                onChange={(v) => {
                  setToWh(v);
                  setToBin(null);
                }}
                error={errors['to.warehouseId']}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label="To bin"
                placeholder="No bin"
                clearable
                data={(toBins.data ?? []).filter((b) => b.active).map((b) => ({ value: b.id, label: b.code }))}
                value={toBin}
                onChange={setToBin}
                error={errors['to.binId']}
                comboboxProps={{ withinPortal: true }}
              />
            </Group>
            <Group grow align="flex-start">
              <NumberInput label="Quantity" withAsterisk min={1} allowDecimal={false} value={quantity} onChange={setQuantity} error={errors.quantity} />
              <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={transfer.isPending}>
                Transfer
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {product && <WhereIsIt productId={product.id} />}
    </SimpleGrid>
  );
}

function WhereIsIt({ productId }: { productId: string }) {
  const levels = useProductLevels(productId);
  const warehouses = useWarehouses();
  const bins = useAllBins();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Where it is now
      </Title>
      <Table aria-label="Stock of the product">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Warehouse</Table.Th>
            <Table.Th scope="col">Bin</Table.Th>
            <Table.Th scope="col" ta="right">On hand</Table.Th>
            <Table.Th scope="col" ta="right">Available</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(levels.data ?? []).map((l) => (
            <Table.Tr key={`${l.warehouseId}/${l.binId}`}>
              <Table.Td>{warehouses.data?.find((w) => w.id === l.warehouseId)?.code}</Table.Td>
              <Table.Td>{l.binId ? bins.get(l.binId)?.code : 'No bin'}</Table.Td>
              <Table.Td ta="right">{l.onHand}</Table.Td>
              <Table.Td ta="right">{l.available}</Table.Td>
            </Table.Tr>
          ))}
          {levels.data?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>No stock.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
