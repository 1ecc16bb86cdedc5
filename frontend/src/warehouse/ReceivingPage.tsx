import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Group, List, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import { toApiError } from '../api/errors';
import { useBins, usePurchaseOrder, usePurchaseOrders, useReceivePurchaseOrder, useSuppliers } from '../api/stock';
import { PO_STATUS } from './PurchaseOrdersPage';
import { emptyReceipt, lineOfError, overReceipts, poLineBySKU, receiptReducer } from './receiving';
import { createScanQueue, resolveProduct } from './scan';

const OPEN = ['draft', 'sent', 'partly_received'];

/**
 * Scanner-first receiving: pick an open purchase order and a bin; every
 * barcode scanned into the scan field adds one item; Receive books it all.
 * More than ordered asks for a confirmation first.
 */
export function ReceivingPage() {
  const orders = usePurchaseOrders();
  const suppliers = useSuppliers();
  const [params] = useSearchParams();
  const [poId, setPoId] = useState<string | null>(params.get('po'));
  const po = usePurchaseOrder(poId);
  const bins = useBins(po.data?.warehouseId);
  const [binId, setBinId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [state, dispatch] = useReducer(receiptReducer, emptyReceipt);
  const [confirming, setConfirming] = useState(false);
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const receive = useReceivePurchaseOrder();
  const scanRef = useRef<HTMLInputElement>(null);
  const queue = useMemo(() => createScanQueue(), []);

  const poLines = po.data?.lines ?? [];
  const open = (orders.data?.items ?? []).filter((o) => OPEN.includes(o.status));
  const activeBins = (bins.data ?? []).filter((b) => b.active);
  const effectiveBin = binId ?? (activeBins.length === 1 ? activeBins[0].id : null);
  const supplierName = (id: string) => suppliers.data?.find((s) => s.id === id)?.name ?? '';

  const choosePO = (id: string | null) => {
    setPoId(id);
    setBinId(null);
    dispatch({ type: 'reset' });
    setLineErrors({});
  };

  // The cursor waits in the scan field as soon as the order is there.
  const loadedId = po.data?.id;
  useEffect(() => {
    if (loadedId) scanRef.current?.focus();
  }, [loadedId]);

  const handleScan = async (value: string) => {
    const local = poLineBySKU(poLines, value);
    const product = local ? { id: local.productId, sku: local.sku, name: local.name } : await resolveProduct(value);
    if (!product) {
      dispatch({ type: 'message', message: { kind: 'error', text: `No product has the barcode or SKU “${value}”.` } });
      return;
    }
    if (!poLines.some((l) => l.productId === product.id)) {
      dispatch({ type: 'message', message: { kind: 'error', text: `${product.sku} is not on this purchase order.` } });
      return;
    }
    dispatch({ type: 'scan', product });
  };

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const value = code.trim();
    setCode('');
    if (value) void queue(() => handleScan(value));
  };

  const toReceive = state.lines.filter((l) => l.quantity > 0);
  const over = overReceipts(toReceive, poLines);

  const submit = (allowOver: boolean) => {
    if (!poId) return;
    setLineErrors({});
    receive.mutate(
      {
        id: poId,
        input: { allowOver, lines: toReceive.map((l) => ({ lineId: '', productId: l.productId, binId: effectiveBin ?? '', quantity: l.quantity })) },
      },
      {
        onSuccess: (res) => {
          const n = toReceive.reduce((s, l) => s + l.quantity, 0);
          notifications.show({ color: 'green', message: `Received ${n} on ${res.order.number}: ${PO_STATUS[res.order.status] ?? res.order.status}.` });
          setConfirming(false);
          dispatch({ type: 'reset' });
          dispatch({ type: 'message', message: { kind: 'ok', text: `Received ${n} into stock.` } });
          scanRef.current?.focus();
        },
        onError: (err) => {
          setConfirming(false);
          const api = toApiError(err);
          const line = lineOfError(api.field, toReceive);
          if (line) setLineErrors({ [line.productId]: api.message });
          else dispatch({ type: 'message', message: { kind: 'error', text: api.message } });
        },
      },
    );
  };

  return (
    <Stack>
      <Group align="flex-end" grow>
        <Select
          allowDeselect={false}
          label="Purchase order"
          placeholder="Choose an open purchase order"
          searchable
          data={open.map((o) => ({ value: o.id, label: `${o.number} – ${supplierName(o.supplierId)} (${PO_STATUS[o.status]})` }))}
          value={poId}
          onChange={choosePO}
          nothingFoundMessage="No open purchase orders"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          allowDeselect={false}
          label="Into bin"
          placeholder={activeBins.length ? 'Choose a bin' : 'No bins: into the warehouse'}
          data={activeBins.map((b) => ({ value: b.id, label: b.code }))}
          value={effectiveBin}
          onChange={(v) => {
            setBinId(v);
            scanRef.current?.focus();
          }}
          disabled={!po.data || activeBins.length === 0}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <TextInput
        ref={scanRef}
        label="Scan barcode"
        description="Each scan adds one item; a SKU typed with Enter works too"
        placeholder={po.data ? 'Scan…' : 'Choose a purchase order first'}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        onKeyDown={onScanKey}
        disabled={!po.data}
        autoComplete="off"
        size="lg"
      />
      {state.message && (
        <Alert color={state.message.kind === 'ok' ? 'green' : 'red'} role={state.message.kind === 'ok' ? 'status' : 'alert'}>
          {state.message.text}
        </Alert>
      )}
      {po.data && (
        <Table aria-label="Receipt" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">SKU</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col" ta="right">Ordered</Table.Th>
              <Table.Th scope="col" ta="right">Received before</Table.Th>
              <Table.Th scope="col" ta="right">Receiving now</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {poLines.map((l) => {
              const now = state.lines.find((r) => r.productId === l.productId);
              return (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.sku}</Table.Td>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td ta="right">{l.quantity}</Table.Td>
                  <Table.Td ta="right">{l.received}</Table.Td>
                  <Table.Td ta="right" w={160}>
                    <NumberInput
                      aria-label={`Receiving now of ${l.sku}`}
                      min={0}
                      allowDecimal={false}
                      size="xs"
                      value={now?.quantity ?? 0}
                      onChange={(v) =>
                        now
                          ? dispatch({ type: 'set', productId: l.productId, quantity: Number(v) || 0 })
                          : dispatch({ type: 'scan', product: { id: l.productId, sku: l.sku, name: l.name }, quantity: Number(v) || 0 })
                      }
                      error={lineErrors[l.productId]}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {po.data && (
        <Group justify="flex-end">
          <Button variant="default" onClick={() => dispatch({ type: 'reset' })} disabled={state.lines.length === 0}>
            Clear
          </Button>
          <Button
            onClick={() => (over.length ? setConfirming(true) : submit(false))}
            disabled={toReceive.length === 0}
            loading={receive.isPending}
          >
            Receive
          </Button>
        </Group>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Receive more than ordered?">
        <Stack>
          <Text>This receives more than is still to come:</Text>
          <List>
            {over.map((o) => (
              <List.Item key={o.sku}>
                {o.sku}: receiving {o.receiving}, {o.remaining} still to come
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            The over-receipt is recorded on the movement and in the audit log.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              Go back
            </Button>
            <Button color="orange" onClick={() => submit(true)} loading={receive.isPending}>
              Receive anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
