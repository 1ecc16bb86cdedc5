import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Pagination,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link, useSearchParams } from 'react-router';
import type { ApiError } from '../api/errors';
import { useOrderEvents } from '../api/orders';
import {
  fetchShipmentPage,
  usePrintBatch,
  useSaveBatch,
  useShipmentPage,
  useUpdateStatuses,
  type BatchKind,
  type BatchSort,
  type ShipmentRow,
} from '../api/shipmentBatch';
import { useCarriers } from '../api/shipping';
import { shortDateTime } from '../orders/ordersList';
import { formatMoney } from '../stock/money';
import {
  MAX_BATCH,
  SORT_OPTIONS,
  STATUS_FILTER_OPTIONS,
  addOne,
  cannotStep,
  filterFromParams,
  isDefaultFilter,
  listDateTime,
  listSummary,
  pageSelection,
  paramsFromFilter,
  rangeError,
  rangeText,
  selectionSummary,
  shipmentQuery,
  statusBadge,
  toggleOne,
  togglePage,
  weightText,
  type Selection,
  type ShipmentsFilter,
} from './shipmentsList';
import { PrintErrorAlert } from '../shell/PrintErrorAlert';

const PAGE_SIZE = 50;

const KIND_LABELS: Record<BatchKind, string> = { label: 'Labels', 'packing-slip': 'Packing slips' };

/** The batch steps the toolbar offers: what the floor calls them and the status they record. */
const STEPS = [
  { status: 'in_transit', label: 'Handed to carrier', verb: 'handed to the carrier', confirm: 'Hand over' },
  { status: 'delivered', label: 'Delivered', verb: 'delivered', confirm: 'Mark delivered:' },
] as const;
type Step = (typeof STEPS)[number];

/**
 * Warehouse → Shipments: every shipment, newest first, by default those
 * waiting for the carrier's driver. Tick shipments (or scan their tracking
 * numbers) and hand them to the carrier, mark them delivered, or save and
 * print their labels or packing slips as one document in a chosen order.
 */
export function ShipmentsPage({ canUpdate }: { canUpdate: boolean }) {
  useOrderEvents();
  const [params, setParams] = useSearchParams();
  const urlFilter = filterFromParams(params);
  const [search, setSearch] = useState(urlFilter.query);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(0);
  const [selection, setSelection] = useState<Selection>(new Map());
  const [scanError, setScanError] = useState<string | null>(null);
  const carriers = useCarriers();

  const filter: ShipmentsFilter = { ...urlFilter, query: debounced };
  const badRange = rangeError(filter.from, filter.to);
  const list = useShipmentPage(shipmentQuery(filter, page, PAGE_SIZE));
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const update = (changes: Partial<ShipmentsFilter>) => {
    setParams(paramsFromFilter({ ...urlFilter, query: search, ...changes }), { replace: true });
    setPage(0);
  };

  // A scanner types the tracking number and Enter: tick that shipment and
  // clear the field for the next parcel.
  const scan = async () => {
    const code = search.trim();
    if (!code) return;
    setScanError(null);
    try {
      const found = await fetchShipmentPage({ status: '', carrierId: '', from: '', to: '', query: code, limit: 2, offset: 0 });
      if (found.items.length === 0) {
        setScanError(`No shipment has the number or tracking number “${code}”.`);
        return;
      }
      const row = found.items[0];
      setSelection((s) => addOne(s, row));
      setSearch('');
      update({ query: '' });
      notifications.show({ color: 'green', message: `${row.number} selected (${row.carrierName}, ${row.trackingNumber || 'no tracking'})` });
    } catch (err) {
      setScanError((err as Error).message);
    }
  };

  const carrierOptions = (carriers.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const pageState = pageSelection(selection, rows);

  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap" gap="xs">
        <TextInput
          label="Shipment or tracking number"
          placeholder="Scan or type, Enter selects"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setScanError(null);
            setPage(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void scan();
            }
          }}
          error={scanError ?? undefined}
          autoFocus
          autoComplete="off"
          w={250}
        />
        <Select
          label="Status"
          data={STATUS_FILTER_OPTIONS as { value: string; label: string }[]}
          value={urlFilter.status}
          onChange={(v) => update({ status: v ?? '' })}
          allowDeselect={false}
          w={215}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Carrier"
          placeholder="Any carrier"
          searchable
          clearable
          data={carrierOptions}
          value={urlFilter.carrierId || null}
          onChange={(v) => update({ carrierId: v ?? '' })}
          w={150}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput type="date" label="Created from" value={urlFilter.from} onChange={(e) => update({ from: e.currentTarget.value })} w={140} />
        <TextInput
          type="date"
          label="Created to"
          value={urlFilter.to}
          onChange={(e) => update({ to: e.currentTarget.value })}
          error={badRange ?? undefined}
          w={140}
        />
        {(!isDefaultFilter(urlFilter) || search.trim() !== '') && (
          <Button
            variant="subtle"
            onClick={() => {
              setSearch('');
              setParams(new URLSearchParams(), { replace: true });
              setPage(0);
            }}
          >
            Reset filters
          </Button>
        )}
      </Group>

      {/* A step can empty this page (its shipments leave the filter): back to the first. */}
      <BatchBar selection={selection} setSelection={setSelection} canUpdate={canUpdate} onStepDone={() => setPage(0)} />

      <Group justify="space-between">
        <Text size="sm" c={list.isError ? 'red' : 'dimmed'} aria-live="polite">
          {list.isPending ? 'Loading shipments…' : list.isError ? list.error.message : listSummary(total, filter)}
        </Text>
        {total > 0 && (
          <Text size="sm" c="dimmed">
            {rangeText(page, PAGE_SIZE, total)}
          </Text>
        )}
      </Group>

      <Paper withBorder radius="sm">
        <ScrollArea.Autosize mah="calc(100vh - 360px)" type="auto">
          <Table
            striped
            highlightOnHover
            stickyHeader
            verticalSpacing={6}
            horizontalSpacing={8}
            aria-label="Shipments"
            miw={900}
            style={{ whiteSpace: 'nowrap' }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <Checkbox
                    aria-label="Select all shipments on this page"
                    checked={pageState === 'all'}
                    indeterminate={pageState === 'some'}
                    disabled={rows.length === 0}
                    onChange={() => setSelection((s) => togglePage(s, rows))}
                  />
                </Table.Th>
                <Table.Th>Shipment and order</Table.Th>
                <Table.Th>Carrier and service</Table.Th>
                <Table.Th>Tracking number</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Parcels · weight</Table.Th>
                <Table.Th ta="right">Cost</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <ShipmentTableRow key={r.id} row={r} selected={selection.has(r.id)} onToggle={() => setSelection((s) => toggleOne(s, r))} />
              ))}
              {rows.length === 0 && !list.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text c="dimmed" ta="center" py="lg">
                      {urlFilter.status === 'label_created' && isDefaultFilter(urlFilter) && !debounced
                        ? 'No shipment is waiting for the driver. Shipments packed at the pack station appear here.'
                        : 'No shipment matches these filters.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
      {pages > 1 && (
        <Group justify="flex-end">
          <Pagination
            total={pages}
            value={page + 1}
            onChange={(p) => setPage(p - 1)}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
          />
        </Group>
      )}
    </Stack>
  );
}

function ShipmentTableRow({ row, selected, onToggle }: { row: ShipmentRow; selected: boolean; onToggle: () => void }) {
  const badge = statusBadge(row.status);
  const nums = { fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Table.Tr bg={selected ? 'var(--mantine-primary-color-light)' : undefined} aria-selected={selected}>
      <Table.Td>
        <Checkbox aria-label={`Select shipment ${row.number}`} checked={selected} onChange={onToggle} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} lh={1.35}>
          {row.number}
        </Text>
        <Text size="xs" c="dimmed" lh={1.35}>
          Order{' '}
          <Anchor component={Link} to={`/orders/${row.orderId}`} size="xs">
            {row.orderNumber || row.orderId}
          </Anchor>
        </Text>
      </Table.Td>
      <Table.Td maw={150} title={`${row.carrierName} · ${row.serviceName}`}>
        <Text size="sm" lh={1.35} truncate>
          {row.carrierName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.35} truncate>
          {row.serviceName || row.serviceCode}
        </Text>
      </Table.Td>
      <Table.Td ff="monospace">
        {row.trackingNumber ? (
          row.trackingUrl ? (
            <Anchor href={row.trackingUrl} target="_blank" rel="noreferrer" size="sm" ff="monospace" aria-label={`Track ${row.trackingNumber}`}>
              {row.trackingNumber}
            </Anchor>
          ) : (
            row.trackingNumber
          )
        ) : (
          <Text size="sm" c="dimmed" span>
            none yet
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={118}>
        <Badge color={badge.color} variant="light" tt="none" fw={600}>
          {badge.label}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" style={nums}>
        {row.packages.length} · {weightText(row.weightG)}
      </Table.Td>
      <Table.Td ta="right" style={nums}>
        {formatMoney(row.cost, 2, row.currency)}
      </Table.Td>
      <Table.Td title={shortDateTime(row.createdAt)}>{listDateTime(row.createdAt)}</Table.Td>
    </Table.Tr>
  );
}

/** What to do with the selection: a step for all of them, or one document of all of them. */
function BatchBar({
  selection,
  setSelection,
  canUpdate,
  onStepDone,
}: {
  selection: Selection;
  setSelection: (s: Selection | ((s: Selection) => Selection)) => void;
  canUpdate: boolean;
  onStepDone: () => void;
}) {
  const [sortBy, setSortBy] = useState<BatchSort>('number');
  const [step, setStep] = useState<Step | null>(null);
  const [printError, setPrintError] = useState<{ kind: BatchKind; err: ApiError } | null>(null);
  const save = useSaveBatch();
  const print = usePrintBatch();
  const n = selection.size;
  const ids = [...selection.keys()];
  const tooMany = n > MAX_BATCH;
  const busy = save.isPending || print.isPending;
  const disabled = n === 0 || tooMany || busy;

  return (
    <Paper withBorder p="sm" radius="sm" bg={n > 0 ? 'var(--mantine-primary-color-light)' : undefined} role="region" aria-label="Selected shipments">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm">
            <Text size="sm" fw={600} aria-live="polite">
              {n === 0 ? 'No shipment selected: tick them below or scan their tracking numbers.' : selectionSummary(selection)}
            </Text>
            {n > 0 && (
              <Button size="compact-sm" variant="subtle" onClick={() => setSelection(new Map())}>
                Clear selection
              </Button>
            )}
          </Group>
          {canUpdate && (
            <Group gap="xs">
              {STEPS.map((s) => (
                <Button key={s.status} size="sm" variant={s.status === 'in_transit' ? 'filled' : 'default'} disabled={disabled} onClick={() => setStep(s)}>
                  {s.label}
                </Button>
              ))}
            </Group>
          )}
        </Group>
        {tooMany && (
          <Text size="sm" c="red" role="alert">
            A batch takes at most {MAX_BATCH} shipments; untick {n - MAX_BATCH}.
          </Text>
        )}
        <Group gap="xs" wrap="wrap" role="group" aria-label="Documents of the selected shipments">
          <Text size="sm" c="dimmed">
            Documents in order of
          </Text>
          <Select
            aria-label="Print in order of"
            size="xs"
            data={SORT_OPTIONS as { value: string; label: string }[]}
            value={sortBy}
            onChange={(v) => setSortBy((v ?? 'number') as BatchSort)}
            allowDeselect={false}
            w={150}
            comboboxProps={{ withinPortal: true }}
          />
          {(['label', 'packing-slip'] as const).map((kind) => {
            const label = KIND_LABELS[kind];
            return (
              <Button.Group key={kind}>
                <Button
                  size="xs"
                  variant="default"
                  disabled={disabled}
                  loading={save.isPending && save.variables?.kind === kind}
                  aria-label={`Save ${label.toLowerCase()} as PDF`}
                  onClick={() =>
                    save.mutate(
                      { kind, ids, sortBy },
                      {
                        onSuccess: (where) => {
                          if (where) notifications.show({ color: 'green', message: `${label} saved: ${where}` });
                        },
                        onError: (err) => notifications.show({ color: 'red', title: `${label} not saved`, message: err.message }),
                      },
                    )
                  }
                >
                  {label} (PDF)
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={disabled}
                  loading={print.isPending && print.variables?.kind === kind}
                  aria-label={`Print ${label.toLowerCase()}`}
                  onClick={() => {
                    setPrintError(null);
                    print.mutate(
                      { kind, ids, sortBy },
                      {
                        onSuccess: (where) => notifications.show({ color: 'green', title: `${label} printed`, message: where }),
                        onError: (err) => setPrintError({ kind, err }),
                      },
                    );
                  }}
                >
                  Print
                </Button>
              </Button.Group>
            );
          })}
        </Group>
        {printError && (
          <PrintErrorAlert
            title={`${KIND_LABELS[printError.kind]} not printed`}
            err={printError.err}
            onClose={() => setPrintError(null)}
          />
        )}
      </Stack>
      {step && (
        <StepModal
          step={step}
          selection={selection}
          onClose={() => setStep(null)}
          onDone={() => {
            setSelection(new Map());
            setStep(null);
            onStepDone();
          }}
        />
      )}
    </Paper>
  );
}

/** Confirms a batch step with an optional note; says beforehand which selected shipments cannot take it. */
function StepModal({
  step,
  selection,
  onClose,
  onDone,
}: {
  step: Step;
  selection: Selection;
  onClose: () => void;
  onDone: () => void;
}) {
  const [note, setNote] = useState('');
  const mutation = useUpdateStatuses();
  const blocked = cannotStep(selection, step.status);
  const n = selection.size;
  const what = n === 1 ? '1 shipment' : `${n} shipments`;
  return (
    <Modal opened onClose={onClose} title={`${step.label}: ${what}`} centered>
      <Stack>
        <Text size="sm">
          {what} will be recorded as {step.verb}, with the time and your name; their orders follow. All of them change, or none does.
        </Text>
        {blocked.length > 0 && (
          <Alert color="yellow" title="Some cannot take this step">
            {blocked
              .slice(0, 5)
              .map((r) => `${r.number} (${statusBadge(r.status).label.toLowerCase()})`)
              .join(', ')}
            {blocked.length > 5 ? ` and ${blocked.length - 5} more` : ''}. Untick them first.
          </Alert>
        )}
        <Textarea
          label="Note (optional)"
          placeholder={step.status === 'in_transit' ? 'Collected by the driver at 17:05' : 'Signed for by the customer'}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          rows={2}
        />
        {mutation.error && (
          <Alert color="red" role="alert" title="Nothing was changed">
            {mutation.error.message}
          </Alert>
        )}
        <Group justify="flex-end" wrap="nowrap">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate(
                { ids: [...selection.keys()], status: step.status, note },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: `${what} ${step.verb}.` });
                    onDone();
                  },
                },
              )
            }
          >
            {step.confirm} {what}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
