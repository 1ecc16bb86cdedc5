import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Menu, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { useCompanyCurrency, type Product } from '../api/catalog';
import { toApiError, type ApiError } from '../api/errors';
import {
  useCancelPurchaseOrder,
  useCreatePurchaseOrder,
  useCreateReorderPO,
  usePurchaseOrders,
  useReorderSuggestions,
  useSendPurchaseOrder,
  useSuppliers,
  useWarehouses,
  type PurchaseOrder,
} from '../api/stock';
import { formatDateTime } from '../shell/format';
import { formatMinor, formatMoney, moneyError, parseMoney } from '../stock/money';
import { ProductSelect } from './ProductSelect';

export const PO_STATUS: Record<string, string> = {
  draft: 'Draft',
  sent: 'Sent',
  partly_received: 'Partly received',
  received: 'Received',
  cancelled: 'Cancelled',
};

export const STATUS_COLOR: Record<string, string> = { draft: 'gray', sent: 'blue', partly_received: 'yellow', received: 'green', cancelled: 'red' };

/** Purchase orders: list, create, send, cancel; reorder suggestions become a draft. */
export function PurchaseOrdersPage({ canManage }: { canManage: boolean }) {
  const orders = usePurchaseOrders();
  const suppliers = useSuppliers();
  const warehouses = useWarehouses();
  const send = useSendPurchaseOrder();
  const cancel = useCancelPurchaseOrder();
  const currency = useCompanyCurrency();
  const [creating, setCreating] = useState(false);
  const supplierName = (id: string) => suppliers.data?.find((s) => s.id === id)?.name ?? '';
  const whCode = (id: string) => warehouses.data?.find((w) => w.id === id)?.code ?? '';
  const act = (fn: typeof send, po: PurchaseOrder, done: string) =>
    fn.mutate(po.id, {
      onSuccess: () => notifications.show({ color: 'green', message: `${po.number} ${done}.` }),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });

  return (
    <Stack>
      {canManage && (
        <Group justify="flex-end">
          <Button onClick={() => setCreating(true)}>New purchase order</Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label="Purchase orders" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Number</Table.Th>
              <Table.Th scope="col">Supplier</Table.Th>
              <Table.Th scope="col">Warehouse</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
              <Table.Th scope="col" ta="right">
                Total
              </Table.Th>
              {canManage && <Table.Th scope="col">Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(orders.data?.items ?? []).map((po) => (
              <Table.Tr key={po.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/warehouse/purchase-orders/${po.id}`} aria-label={`Open ${po.number}`}>
                    {po.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{supplierName(po.supplierId)}</Table.Td>
                <Table.Td>{whCode(po.warehouseId)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[po.status]} variant="light">
                    {PO_STATUS[po.status] ?? po.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(po.createdAt)}</Table.Td>
                <Table.Td ta="right">{formatMoney(po.total, currency.minorUnits, currency.code)}</Table.Td>
                {canManage && (
                  <Table.Td>
                    {(po.status === 'draft' || po.status === 'sent' || po.status === 'partly_received') && (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="default" aria-label={`Actions for ${po.number}`}>
                            ⋯
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {po.status === 'draft' && <Menu.Item onClick={() => act(send, po, 'sent')}>Send</Menu.Item>}
                          <Menu.Item color="red" onClick={() => act(cancel, po, 'cancelled')}>
                            Cancel order
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
            {orders.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>No purchase orders yet.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canManage && <ReorderPanel />}
      {creating && <NewPurchaseOrderModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}

interface DraftLine {
  key: number;
  product: Product | null;
  quantity: number | string;
  unitCost: string;
}

function NewPurchaseOrderModal({ onClose }: { onClose: () => void }) {
  const suppliers = useSuppliers();
  const warehouses = useWarehouses();
  const currency = useCompanyCurrency();
  const create = useCreatePurchaseOrder();
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [warehouseId, setWarehouseId] = useState<string | null>(warehouses.data?.length === 1 ? warehouses.data[0].id : null);
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([{ key: 1, product: null, quantity: 1, unitCost: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ApiError | null>(null);

  const setLine = (key: number, patch: Partial<DraftLine>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const errs: Record<string, string> = {};
    if (!supplierId) errs.supplierId = 'Choose a supplier.';
    if (!warehouseId) errs.warehouseId = 'Choose the warehouse to receive into.';
    lines.forEach((l, i) => {
      if (!l.product) errs[`lines.${i}.productId`] = 'Choose a product.';
      if (!(Number(l.quantity) >= 1)) errs[`lines.${i}.quantity`] = 'At least 1.';
      const m = moneyError(l.unitCost, currency.minorUnits, 'The unit cost');
      if (m) errs[`lines.${i}.unitCost`] = m;
    });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    create.mutate(
      {
        supplierId: supplierId ?? '',
        warehouseId: warehouseId ?? '',
        notes,
        lines: lines.map((l) => ({
          productId: l.product?.id ?? '',
          quantity: Math.trunc(Number(l.quantity)),
          unitCost: parseMoney(l.unitCost, currency.minorUnits) ?? 0,
        })),
      },
      {
        onSuccess: (po) => {
          notifications.show({ color: 'green', message: `Purchase order ${po.number} created as a draft.` });
          onClose();
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
    <Modal opened onClose={onClose} title="New purchase order" size="xl">
      <form onSubmit={submit} aria-label="New purchase order">
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              allowDeselect={false}
              label="Supplier"
              withAsterisk
              searchable
              data-autofocus
              data={(suppliers.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.code} – ${s.name}` }))}
              value={supplierId}
              onChange={setSupplierId}
              error={errors.supplierId}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              allowDeselect={false}
              label="Warehouse"
              withAsterisk
              data={(warehouses.data ?? []).filter((w) => w.active).map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
              value={warehouseId}
              onChange={setWarehouseId}
              error={errors.warehouseId}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Title order={3} size="h5">
            Lines
          </Title>
          {lines.map((l, i) => (
            <Group key={l.key} align="flex-start" wrap="nowrap" role="group" aria-label={`Line ${i + 1}`}>
              <div style={{ flex: 1 }}>
                <ProductSelect
                  label="Product"
                  value={l.product}
                  onChange={(p) => setLine(l.key, { product: p, unitCost: p ? formatMinor(p.cost, currency.minorUnits) : l.unitCost })}
                  error={errors[`lines.${i}.productId`]}
                />
              </div>
              <NumberInput
                label="Quantity"
                withAsterisk
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
                disabled={lines.length === 1}
                onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                aria-label={`Remove line ${i + 1}`}
              >
                Remove
              </Button>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => setLines((ls) => [...ls, { key: Math.max(...ls.map((x) => x.key)) + 1, product: null, quantity: 1, unitCost: '' }])}
            >
              Add line
            </Button>
          </Group>
          <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReorderPanel() {
  const warehouses = useWarehouses();
  const suppliers = useSuppliers();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const suggestions = useReorderSuggestions(warehouseId);
  const create = useCreateReorderPO();
  const [error, setError] = useState('');
  return (
    <Stack gap="xs" component="section" aria-label="Reorder suggestions">
      <Title order={2} size="h4">
        Reorder suggestions
      </Title>
      <Group align="flex-end">
        <Select
          allowDeselect={false}
          label="Suggestions for warehouse"
          data={(warehouses.data ?? []).map((w) => ({ value: w.id, label: w.code }))}
          value={warehouseId}
          onChange={setWarehouseId}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          allowDeselect={false}
          label="Order from supplier"
          data={(suppliers.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.code} – ${s.name}` }))}
          value={supplierId}
          onChange={setSupplierId}
          comboboxProps={{ withinPortal: true }}
        />
        <Button
          disabled={!warehouseId || !supplierId || !suggestions.data?.length}
          loading={create.isPending}
          onClick={() => {
            setError('');
            create.mutate(
              { warehouseId: warehouseId ?? '', supplierId: supplierId ?? '', productIds: [] },
              {
                onSuccess: (po) => notifications.show({ color: 'green', message: `Draft ${po.number} with ${po.lines.length} lines created.` }),
                onError: (e) => setError(e.message),
              },
            );
          }}
        >
          Create draft purchase order
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {warehouseId && (
        <Table aria-label="Reorder suggestions" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">SKU</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col" ta="right">Available</Table.Th>
              <Table.Th scope="col" ta="right">On order</Table.Th>
              <Table.Th scope="col" ta="right">Reorder point</Table.Th>
              <Table.Th scope="col" ta="right">Suggested</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(suggestions.data ?? []).map((s) => (
              <Table.Tr key={s.productId}>
                <Table.Td>{s.sku}</Table.Td>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td ta="right">{s.available}</Table.Td>
                <Table.Td ta="right">{s.onOrder}</Table.Td>
                <Table.Td ta="right">{s.reorderPoint}</Table.Td>
                <Table.Td ta="right">{s.suggested}</Table.Td>
              </Table.Tr>
            ))}
            {suggestions.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm">Nothing needs ordering.</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
