import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, MultiSelect, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { toApiError } from '../api/errors';
import { useBins, useCancelCount, useCount, useCounts, useOpenCount, usePostCount, useRecordCount, useWarehouses } from '../api/stock';
import { formatDateTime } from '../shell/format';
import { PageTitle } from '../shell/PageTitle';
import { signed } from '../stock/labels';
import { createScanQueue, resolveProduct } from './scan';

const STATUS: Record<string, string> = { open: 'Open', posted: 'Posted', cancelled: 'Cancelled' };

/** Stock counts: the list, and opening a new one. */
export function CountsPage() {
  const counts = useCounts();
  const warehouses = useWarehouses();
  const [opening, setOpening] = useState(false);
  const navigate = useNavigate();
  const wh = (id: string) => warehouses.data?.find((w) => w.id === id)?.code ?? '';
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setOpening(true)}>Open count</Button>
      </Group>
      <Table aria-label="Stock counts" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Opened</Table.Th>
            <Table.Th scope="col">Warehouse</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Opened by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(counts.data?.items ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/warehouse/counts/${c.id}`}>
                  {formatDateTime(c.createdAt)}
                </Anchor>
              </Table.Td>
              <Table.Td>{wh(c.warehouseId)}</Table.Td>
              <Table.Td>{c.reason}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={c.status === 'open' ? 'blue' : c.status === 'posted' ? 'green' : 'gray'}>
                  {STATUS[c.status] ?? c.status}
                </Badge>
              </Table.Td>
              <Table.Td>{c.openedBy}</Table.Td>
            </Table.Tr>
          ))}
          {counts.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>No counts yet.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {opening && <OpenCountModal onClose={() => setOpening(false)} onOpened={(id) => void navigate(`/warehouse/counts/${id}`)} />}
    </Stack>
  );
}

function OpenCountModal({ onClose, onOpened }: { onClose: () => void; onOpened: (id: string) => void }) {
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string | null>(warehouses.data?.length === 1 ? warehouses.data[0].id : null);
  const bins = useBins(warehouseId);
  const [binIds, setBinIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const open = useOpenCount();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!warehouseId) return setErrors({ warehouseId: 'Choose the warehouse to count.' });
    open.mutate(
      { warehouseId, binIds, reason },
      {
        onSuccess: (c) => {
          onClose();
          onOpened(c.id);
        },
        onError: (err) => {
          const api = toApiError(err);
          setErrors({ [api.field.startsWith('binIds') ? 'binIds' : api.field || 'general']: api.message });
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title="Open count">
      <form onSubmit={submit} aria-label="Open count">
        <Stack gap="sm">
          {errors.general && (
            <Alert color="red" role="alert">
              {errors.general}
            </Alert>
          )}
          <Select
            allowDeselect={false}
            label="Warehouse"
            withAsterisk
            data-autofocus
            data={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
            value={warehouseId}
            onChange={(v) => {
              setWarehouseId(v);
              setBinIds([]);
            }}
            error={errors.warehouseId}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label="Bins"
            description="Leave empty to count the whole warehouse"
            data={(bins.data ?? []).map((b) => ({ value: b.id, label: b.code }))}
            value={binIds}
            onChange={setBinIds}
            error={errors.binIds}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="Reason" placeholder="Annual stocktake" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={open.isPending}>
              Open count
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One count: scan and count per bin, see the variances, post them with a reason. */
export function CountScreen() {
  const { id = '' } = useParams();
  const count = useCount(id);
  const warehouses = useWarehouses();
  const bins = useBins(count.data?.warehouseId);
  const record = useRecordCount();
  const post = usePostCount();
  const cancel = useCancelCount();
  const [binId, setBinId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [posting, setPosting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const scanRef = useRef<HTMLInputElement>(null);
  const queue = useMemo(() => createScanQueue(), []);

  if (count.isPending) return <Loader aria-label="Loading count" />;
  if (count.isError)
    return (
      <Alert color="red" role="alert">
        {count.error.message}
      </Alert>
    );
  const c = count.data;
  const isOpen = c.status === 'open';
  const scope = (bins.data ?? []).filter((b) => c.binIds.length === 0 || c.binIds.includes(b.id));
  const effectiveBin = binId ?? (scope.length === 1 ? scope[0].id : null);
  const binCode = (b: string) => (b ? (bins.data?.find((x) => x.id === b)?.code ?? '…') : 'No bin');
  const wh = warehouses.data?.find((w) => w.id === c.warehouseId);

  const handleScan = async (value: string, n: number) => {
    const product = await resolveProduct(value);
    if (!product) {
      setMessage({ ok: false, text: `No product has the barcode or SKU “${value}”.` });
      return;
    }
    try {
      const line = await record.mutateAsync({
        countId: c.id,
        entry: { productId: product.id, binId: effectiveBin ?? '', quantity: n, add: true },
      });
      setMessage({ ok: true, text: `${line.sku}: ${line.counted} counted in ${binCode(line.binId)}` });
    } catch (err) {
      setMessage({ ok: false, text: toApiError(err).message });
    }
  };

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const value = code.trim();
    const n = Math.trunc(Number(quantity)) || 1;
    setCode('');
    if (value) void queue(() => handleScan(value, n));
  };

  const doPost = () => {
    setReasonError('');
    post.mutate(
      { countId: c.id, reason },
      {
        onSuccess: (res) => {
          setPosting(false);
          notifications.show({ color: 'green', message: `Count posted: ${res.movements.length} movements.` });
        },
        onError: (err) => {
          const api = toApiError(err);
          if (api.field === 'reason') setReasonError(api.message);
          else {
            setPosting(false);
            setMessage({ ok: false, text: api.message });
          }
        },
      },
    );
  };

  return (
    <Stack>
      <Anchor component={Link} to="/warehouse/counts" size="sm">
        ← All counts
      </Anchor>
      <Group justify="space-between">
        <PageTitle focus={!isOpen}>
          Count of {wh?.code ?? ''} {c.reason ? `– ${c.reason}` : ''}
        </PageTitle>
        <Badge size="lg" variant="light" color={isOpen ? 'blue' : c.status === 'posted' ? 'green' : 'gray'}>
          {STATUS[c.status] ?? c.status}
        </Badge>
      </Group>
      {isOpen && (
        <Group align="flex-end">
          <Select
            allowDeselect={false}
            label="Bin"
            placeholder={scope.length ? 'Choose the bin you count' : 'No bins'}
            data={scope.map((b) => ({ value: b.id, label: b.code }))}
            value={effectiveBin}
            onChange={(v) => {
              setBinId(v);
              scanRef.current?.focus();
            }}
            disabled={scope.length === 0}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput label="Quantity per scan" min={1} allowDecimal={false} w={150} value={quantity} onChange={setQuantity} />
          <TextInput
            ref={scanRef}
            label="Scan to count"
            description="Each scan adds the quantity to what was counted"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={onScanKey}
            autoFocus
            autoComplete="off"
            style={{ flex: 1 }}
          />
        </Group>
      )}
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <Table aria-label="Counted" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">SKU</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Bin</Table.Th>
            <Table.Th scope="col" ta="right">Expected</Table.Th>
            <Table.Th scope="col" ta="right">Counted</Table.Th>
            <Table.Th scope="col" ta="right">Variance</Table.Th>
            <Table.Th scope="col">Counted by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.sku}</Table.Td>
              <Table.Td>{l.name}</Table.Td>
              <Table.Td>{binCode(l.binId)}</Table.Td>
              <Table.Td ta="right">{l.expected}</Table.Td>
              <Table.Td ta="right">{l.counted}</Table.Td>
              <Table.Td ta="right">
                <Text span c={l.variance < 0 ? 'red' : l.variance > 0 ? 'orange' : undefined} fw={l.variance ? 600 : undefined}>
                  {signed(l.variance)}
                </Text>
              </Table.Td>
              <Table.Td>{l.countedBy}</Table.Td>
            </Table.Tr>
          ))}
          {c.lines.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>Nothing counted yet.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {isOpen && (
        <Group justify="flex-end">
          <Button
            variant="default"
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate(c.id, { onError: (e) => setMessage({ ok: false, text: e.message }) })}
          >
            Cancel count
          </Button>
          <Button
            onClick={() => {
              setReason(c.reason);
              setPosting(true);
            }}
            disabled={c.lines.length === 0}
          >
            Post count
          </Button>
        </Group>
      )}
      {!isOpen && c.closedAt && (
        <Text size="sm" c="dimmed">
          {STATUS[c.status]} by {c.closedBy} on {formatDateTime(c.closedAt)}.
        </Text>
      )}
      <Modal opened={posting} onClose={() => setPosting(false)} title="Post count">
        <form
          aria-label="Post count"
          onSubmit={(e) => {
            e.preventDefault();
            doPost();
          }}
        >
          <Stack>
            <Text size="sm">
              {c.lines.filter((l) => l.variance !== 0).length} variances become count movements. Products not counted keep their stock.
            </Text>
            <TextInput
              label="Reason"
              withAsterisk
              data-autofocus
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError || undefined}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPosting(false)}>
                Go back
              </Button>
              <Button type="submit" loading={post.isPending}>
                Post variances
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
