import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { toApiError } from '../api/errors';
import { useOrderEvents } from '../api/orders';
import {
  fetchPackOrder,
  fetchPackOrderById,
  packScan,
  shipmentKeys,
  shipmentStatusLabel,
  useCreateShipment,
  type PackOrder,
  type Shipment,
} from '../api/shipments';
import { useCarrierEvents } from '../api/shipping';
import { useActiveCarriers, useQuote } from '../api/shipping-quote';
import { errorBeep, okBeep } from '../counter/beep';
import { parseScan } from '../counter/sale';
import { addressLines } from '../orders/ordersList';
import { ShipmentDocuments } from '../orders/ShipmentDocuments';
import { useMoney } from '../orders/useMoney';
import { allCounted, countedWeightG, countScan, kgText, parseCm, parseKg, setCount, shipmentLines, type PackCounts } from './pack';
import { waveFromSearch } from './pick';
import { createScanQueue } from './scan';

type Feedback = { kind: 'ok' | 'error'; text: string } | null;
type PackageDraft = { key: number; weight: string; length: string; width: string; height: string };

let nextKey = 1;
const emptyPackage = (): PackageDraft => ({ key: nextKey++, weight: '', length: '', width: '', height: '' });

/**
 * The pack station: scan the order's number (the barcode on its pick list
 * or packing slip), scan each item into this shipment, weigh and measure
 * the packages, choose how it travels and create the shipment. An order may
 * ship in several shipments: whatever is left waits for the next one.
 */
export function PackingPage() {
  useOrderEvents();
  useCarrierEvents();
  const { search } = useLocation();
  const wave = useMemo(() => waveFromSearch(search), [search]);
  const qc = useQueryClient();
  const [number, setNumber] = useState('');
  const [orderError, setOrderError] = useState('');
  const [loading, setLoading] = useState(false);
  const [po, setPo] = useState<PackOrder | null>(null);
  const [created, setCreated] = useState<Shipment | null>(null);
  const orderRef = useRef<HTMLInputElement>(null);

  useEffect(() => orderRef.current?.focus(), []);

  const open = async (load: () => Promise<PackOrder>) => {
    setLoading(true);
    try {
      const got = await load();
      setPo(got);
      setOrderError('');
      setNumber('');
      setCreated(null);
    } catch (err) {
      errorBeep();
      setPo(null);
      setOrderError(toApiError(err).message);
      requestAnimationFrame(() => orderRef.current?.select());
    } finally {
      setLoading(false);
    }
  };

  const onOrderKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const value = number.trim();
    if (!value) {
      setOrderError('Scan the order number from the pick list or packing slip.');
      return;
    }
    void open(() => fetchPackOrder(value));
  };

  const afterShipment = async (sh: Shipment) => {
    setCreated(sh);
    void qc.invalidateQueries({ queryKey: ['orders', 'pack-wave'] });
    try {
      const again = await fetchPackOrderById(sh.orderId);
      if (again.lines.some((l) => l.packable > 0)) {
        setPo(again);
        return;
      }
    } catch {
      // The order is done either way; the packer moves on to the next.
    }
    setPo(null);
    requestAnimationFrame(() => orderRef.current?.focus());
  };

  return (
    <Stack gap="md">
      <Grid gap="md" align="flex-end">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TextInput
            ref={orderRef}
            size={po ? 'md' : 'xl'}
            label="Order number"
            description="Scan the barcode on the pick list or packing slip, or type the number, and press Enter"
            value={number}
            onChange={(e) => {
              setNumber(e.currentTarget.value);
              setOrderError('');
            }}
            onKeyDown={onOrderKey}
            disabled={loading}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace', fontSize: po ? 18 : 26 } }}
          />
        </Grid.Col>
        {wave.length > 0 && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <WaveOrders wave={wave} current={po?.order.id ?? ''} onOpen={(id) => void open(() => fetchPackOrderById(id))} />
          </Grid.Col>
        )}
      </Grid>
      {orderError && (
        <Alert color="red" variant="filled" title="Cannot pack this order" role="alert">
          {orderError}
        </Alert>
      )}
      {created && <CreatedShipment shipment={created} more={!!po && po.order.id === created.orderId} />}
      {po && (
        <PackForm
          key={`${po.order.id}-${po.shipments.length}`}
          po={po}
          onCreated={(sh) => {
            void qc.invalidateQueries({ queryKey: shipmentKeys.ofOrder(sh.orderId) });
            void afterShipment(sh);
          }}
        />
      )}
      {!po && !created && !orderError && (
        <Text c="dimmed" size="lg">
          Scan an order to pack it.
        </Text>
      )}
    </Stack>
  );
}

/** The orders of the wave that came from the pick screen, with what is left to pack of each. */
function WaveOrders({ wave, current, onOpen }: { wave: string[]; current: string; onOpen: (id: string) => void }) {
  const list = useQuery({
    queryKey: ['orders', 'pack-wave', ...wave],
    queryFn: () => Promise.all(wave.map((id) => fetchPackOrderById(id))),
  });
  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  return (
    <Card withBorder padding="xs" component="section" aria-label="Orders of the wave">
      <Text size="xs" c="dimmed" mb={4}>
        Orders of the wave
      </Text>
      <Group gap="xs">
        {(list.data ?? []).map((p) => {
          const left = p.lines.reduce((n, l) => n + l.packable, 0);
          return (
            <Button
              key={p.order.id}
              size="xs"
              variant={p.order.id === current ? 'filled' : left > 0 ? 'default' : 'subtle'}
              disabled={left === 0}
              onClick={() => onOpen(p.order.id)}
              aria-label={`Pack ${p.order.number}`}
            >
              {p.order.number} · {left > 0 ? `${left} to pack` : 'packed'}
            </Button>
          );
        })}
      </Group>
    </Card>
  );
}

function CreatedShipment({ shipment: sh, more }: { shipment: Shipment; more: boolean }) {
  const money = useMoney();
  return (
    <Alert color="green" title={`Shipment ${sh.number} created`} role="status">
      <Stack gap={4}>
        <Text>
          {sh.carrierName} {sh.serviceName} · {sh.packages.length} {sh.packages.length === 1 ? 'package' : 'packages'} · {kgText(sh.weightG)} kg ·{' '}
          {money(sh.cost)}
        </Text>
        <Text>
          Tracking number:{' '}
          <Text span ff="monospace" fw={700}>
            {sh.trackingNumber || 'none yet (set it on the order page)'}
          </Text>
        </Text>
        <ShipmentDocuments shipmentId={sh.id} number={sh.number} size="sm" />
        <Text size="sm">
          {more ? 'Part of the order is still to pack: it stays open below for the next shipment.' : 'Scan the next order.'}
        </Text>
        <Anchor component={Link} to={`/orders/${sh.orderId}`} size="sm">
          Open the order
        </Anchor>
      </Stack>
    </Alert>
  );
}

function PackForm({ po, onCreated }: { po: PackOrder; onCreated: (sh: Shipment) => void }) {
  const o = po.order;
  const money = useMoney();
  const [counts, setCounts] = useState<PackCounts>({});
  // Scans run one after another (createScanQueue); each counts on top of the one before.
  const countsRef = useRef<PackCounts>({});
  const changeCounts = (c: PackCounts) => {
    countsRef.current = c;
    setCounts(c);
  };
  const [code, setCode] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [packages, setPackages] = useState<PackageDraft[]>(() => [emptyPackage()]);
  const [weightTouched, setWeightTouched] = useState(false);
  const [chosenCarrier, setCarrierId] = useState<string | null>(null);
  const [chosenService, setServiceId] = useState<string | null>(null);
  const [tracking, setTracking] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const scanRef = useRef<HTMLInputElement>(null);
  const queue = useMemo(() => createScanQueue(), []);
  const carriers = useActiveCarriers();
  const create = useCreateShipment();

  useEffect(() => scanRef.current?.focus(), []);

  const counted = countedWeightG(po.lines, counts);
  // The first package's weight follows the counted goods until the packer types one.
  const shownPackages = packages.map((p, i) => (i === 0 && !weightTouched ? { ...p, weight: counted ? kgText(counted) : '' } : p));
  const weights = shownPackages.map((p) => parseKg(p.weight));
  const weightsG = weights.every((w) => w.ok) ? weights.map((w) => (w.ok ? w.value : 0)) : null;
  // With one active carrier (or service) there is nothing to choose: it is taken until the packer picks another.
  const only = <T extends { id: string }>(list: readonly T[] | undefined) => (list?.length === 1 ? list[0].id : null);
  const carrierId = chosenCarrier ?? only(carriers.data);
  const carrier = carriers.data?.find((c) => c.id === carrierId);
  const serviceId = chosenService ?? only(carrier?.services);
  const country = o.shippingAddress.country;
  const quote = useQuote(carrierId ?? '', serviceId ?? '', country, weightsG);
  const lines = shipmentLines(po.lines, counts);
  const units = lines.reduce((n, l) => n + l.quantity, 0);
  const packable = po.lines.reduce((n, l) => n + l.packable, 0);

  const refuse = (text: string, typed: string) => {
    errorBeep();
    setFeedback({ kind: 'error', text });
    setCode((now) => (now === '' ? typed : now));
    requestAnimationFrame(() => {
      scanRef.current?.focus();
      scanRef.current?.select();
    });
  };

  const handleScan = async (typed: string) => {
    const parsed = parseScan(typed);
    if (!parsed.ok) {
      refuse(parsed.error, typed);
      return;
    }
    try {
      const got = await packScan(o.id, parsed.code);
      const line = po.lines.find((l) => l.lineId === got.lineId) ?? got;
      const now = countsRef.current;
      const r = parsed.quantity === 1 ? countScan(now, line) : setCount(now, line, (now[line.lineId] ?? 0) + parsed.quantity);
      if (!r.ok) {
        refuse(r.error, typed);
        return;
      }
      changeCounts(r.counts);
      okBeep();
      setFeedback({ kind: 'ok', text: `${parsed.quantity} × ${line.sku} ${line.name} in this shipment.` });
    } catch (err) {
      refuse(toApiError(err).message, typed);
    }
  };

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const value = code.trim();
    setCode('');
    if (value) void queue(() => handleScan(value));
  };

  const editPackage = (i: number, change: Partial<PackageDraft>) => {
    if (i === 0 && change.weight !== undefined) setWeightTouched(true);
    setPackages(shownPackages.map((p, j) => (j === i ? { ...p, ...change } : p)));
    setErrors({});
  };

  const submit = () => {
    const next: Record<string, string> = {};
    if (lines.length === 0) next.lines = 'Scan the items that go in this shipment.';
    const dims: { lengthMm: number; widthMm: number; heightMm: number }[] = [];
    shownPackages.forEach((p, i) => {
      const w = weights[i];
      if (!w.ok) next[`packages[${i}].weightG`] = w.error;
      const d = { lengthMm: parseCm(p.length), widthMm: parseCm(p.width), heightMm: parseCm(p.height) };
      for (const [k, v] of Object.entries(d)) if (!v.ok) next[`packages[${i}].${k}`] = v.error;
      dims.push({ lengthMm: d.lengthMm.ok ? d.lengthMm.value : 0, widthMm: d.widthMm.ok ? d.widthMm.value : 0, heightMm: d.heightMm.ok ? d.heightMm.value : 0 });
    });
    if (!carrierId) next.carrierId = 'Choose the carrier.';
    if (!serviceId) next.serviceId = 'Choose the service.';
    setErrors(next);
    setFormError('');
    if (Object.keys(next).length > 0 || !weightsG || !carrierId || !serviceId) return;
    create.mutate(
      {
        orderId: o.id,
        carrierId,
        serviceId,
        trackingNumber: tracking.trim(),
        lines,
        packages: weightsG.map((weightG, i) => ({ weightG, ...dims[i] })),
      },
      {
        onSuccess: (sh) => {
          okBeep();
          onCreated(sh);
        },
        onError: (err) => {
          errorBeep();
          const known = ['carrierId', 'serviceId', 'trackingNumber'];
          if (known.includes(err.field) || /^packages\[\d+\]\./.test(err.field)) setErrors({ [err.field]: err.message });
          else setFormError(err.message);
        },
      },
    );
  };

  const address = addressLines(o.shippingAddress);
  return (
    <Stack gap="md">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          <Card withBorder padding="md">
            <TextInput
              ref={scanRef}
              size="xl"
              label="Scan item"
              description="Each scan puts one item in this shipment; 3*CODE puts three"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              onKeyDown={onScanKey}
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: 'monospace', fontSize: 26 } }}
            />
            <div aria-live="assertive" style={{ minHeight: 52, marginTop: 8 }}>
              {feedback?.kind === 'error' && (
                <Alert color="red" variant="filled" title="Refused: not in this shipment" role="alert" styles={{ message: { fontSize: 18 } }}>
                  {feedback.text}
                </Alert>
              )}
              {feedback?.kind === 'ok' && (
                <Alert color="green" variant="light" role="status" styles={{ message: { fontSize: 18 } }}>
                  {feedback.text}
                </Alert>
              )}
            </div>
            <Table aria-label="Lines to pack" verticalSpacing="sm" fz="md" mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">SKU</Table.Th>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Ordered
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Picked
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Shipped
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Packable
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    In this shipment
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {po.lines.map((l) => {
                  const n = counts[l.lineId] ?? 0;
                  const full = l.packable > 0 && n === l.packable;
                  return (
                    <Table.Tr key={l.lineId} bg={full ? 'var(--mantine-color-green-light)' : undefined}>
                      <Table.Th scope="row" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {l.sku}
                      </Table.Th>
                      <Table.Td>{l.name}</Table.Td>
                      <Table.Td ta="right">{l.quantity}</Table.Td>
                      <Table.Td ta="right">{l.picked}</Table.Td>
                      <Table.Td ta="right">
                        {l.shipped}
                        {l.backordered > 0 && (
                          <Text span c="orange.8" size="sm">
                            {' '}
                            ({l.backordered} backordered)
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" fw={700}>
                        {l.packable}
                      </Table.Td>
                      <Table.Td ta="right" w={120}>
                        <NumberInput
                          aria-label={`In this shipment: ${l.sku}`}
                          value={n}
                          min={0}
                          max={l.packable}
                          allowDecimal={false}
                          allowNegative={false}
                          clampBehavior="none"
                          disabled={l.packable === 0}
                          size="md"
                          onChange={(v) => {
                            const r = setCount(counts, l, typeof v === 'number' ? v : v === '' ? 0 : Number(v));
                            if (r.ok) {
                              changeCounts(r.counts);
                              setErrors({});
                            } else refuse(r.error, '');
                          }}
                          styles={{ input: { textAlign: 'right', fontWeight: 700 } }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Text mt="xs" fw={600} c={errors.lines ? 'red' : undefined}>
              {errors.lines ??
                (units === 0
                  ? 'Nothing in this shipment yet.'
                  : `${units} ${units === 1 ? 'unit' : 'units'} in this shipment${allCounted(po.lines, counts) ? ': everything left to pack.' : '; the rest waits for another shipment.'}`)}
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <Card withBorder padding="md" component="section" aria-label={`Order ${o.number}`}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <div>
                <Title order={2} size="h3" ff="monospace">
                  {o.number}
                </Title>
                {/* The pack station's order view carries no customer name: the addressee is who matters here. */}
                <Text fw={600}>{o.customerName || o.shippingAddress.name || (o.customerId ? 'Customer' : 'Walk-in')}</Text>
              </div>
              <Group gap="xs">
                <Badge size="lg" variant="light">
                  {packable} {packable === 1 ? 'unit' : 'units'} to pack
                </Badge>
                {po.shipments.length > 0 && (
                  <Badge size="lg" variant="light" color="indigo">
                    {po.shipments.length} {po.shipments.length === 1 ? 'shipment' : 'shipments'} so far
                  </Badge>
                )}
                <Anchor component={Link} to={`/orders/${o.id}`} size="sm">
                  Open the order
                </Anchor>
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 1 }} mt="sm">
              <div>
                <Text size="xs" c="dimmed">
                  Ship to
                </Text>
                {address.length === 0 ? (
                  <Text c="red" fw={600}>
                    No shipping address: add one on the order before packing.
                  </Text>
                ) : (
                  address.map((l, i) => <Text key={i}>{l}</Text>)
                )}
              </div>
              {o.notes && (
                <div>
                  <Text size="xs" c="dimmed">
                    Notes
                  </Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }} fw={500}>
                    {o.notes}
                  </Text>
                </div>
              )}
            </SimpleGrid>
            {po.shipments.length > 0 && (
              <Text size="sm" c="dimmed" mt="xs">
                Shipped before: {po.shipments.map((s) => `${s.number} (${shipmentStatusLabel(s.status).toLowerCase()})`).join(', ')}
              </Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>

      <Card withBorder padding="md" component="section" aria-labelledby="packages-title">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4" id="packages-title">
            Packages
          </Title>
          <Button variant="default" size="xs" onClick={() => setPackages([...shownPackages, emptyPackage()])} disabled={packages.length >= 50}>
            Add package
          </Button>
        </Group>
        <Stack gap="xs">
          {shownPackages.map((p, i) => (
            <Group key={p.key} align="flex-start" gap="sm" role="group" aria-label={`Package ${i + 1}`} wrap="nowrap">
              <Text fw={700} w={28} pt={30}>
                {i + 1}
              </Text>
              <TextInput
                label={`Package ${i + 1} weight (kg)`}
                value={p.weight}
                onChange={(e) => editPackage(i, { weight: e.currentTarget.value })}
                error={errors[`packages[${i}].weightG`]}
                description={i === 0 && !weightTouched && counted ? 'From the products’ weights' : undefined}
                inputMode="decimal"
                autoComplete="off"
                w={180}
              />
              <TextInput label="Length (cm)" aria-label={`Package ${i + 1} length (cm)`} value={p.length} onChange={(e) => editPackage(i, { length: e.currentTarget.value })} error={errors[`packages[${i}].lengthMm`]} inputMode="decimal" w={110} />
              <TextInput label="Width (cm)" aria-label={`Package ${i + 1} width (cm)`} value={p.width} onChange={(e) => editPackage(i, { width: e.currentTarget.value })} error={errors[`packages[${i}].widthMm`]} inputMode="decimal" w={110} />
              <TextInput label="Height (cm)" aria-label={`Package ${i + 1} height (cm)`} value={p.height} onChange={(e) => editPackage(i, { height: e.currentTarget.value })} error={errors[`packages[${i}].heightMm`]} inputMode="decimal" w={110} />
              {shownPackages.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  size="lg"
                  aria-label={`Remove package ${i + 1}`}
                  onClick={() => {
                    if (i === 0) setWeightTouched(true);
                    setPackages(shownPackages.filter((_, j) => j !== i));
                  }}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      </Card>

      <Card withBorder padding="md" component="section" aria-labelledby="carrier-title">
        <Title order={3} size="h4" id="carrier-title" mb="xs">
          Carrier
        </Title>
        {carriers.isError && (
          <Alert color="red" mb="xs">
            {carriers.error.message}
          </Alert>
        )}
        {carriers.isSuccess && carriers.data.length === 0 && (
          <Alert color="yellow" mb="xs">
            No active carriers: an administrator adds them under Admin, Shipping.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Carrier"
            data={(carriers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={carrierId}
            onChange={(v) => {
              setCarrierId(v);
              setServiceId(null);
              setErrors({});
            }}
            error={errors.carrierId}
            allowDeselect={false}
          />
          <Select
            label="Service"
            data={(carrier?.services ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
            value={serviceId}
            onChange={(v) => {
              setServiceId(v);
              setErrors({});
            }}
            disabled={!carrier}
            error={errors.serviceId}
            allowDeselect={false}
          />
          <div aria-live="polite">
            <Text size="sm" fw={500}>
              Cost
            </Text>
            <QuoteText
              ready={!!carrierId && !!serviceId}
              country={country}
              weightsKnown={!!weightsG}
              pending={quote.isFetching}
              error={quote.isError ? quote.error.message : ''}
              text={quote.data ? `${money(quote.data.cost)} · zone ${quote.data.zoneName}` : ''}
            />
          </div>
        </SimpleGrid>
        <TextInput
          mt="sm"
          label="Tracking number"
          description={
            carrier?.trackingPattern
              ? `Optional: leave it empty and ${carrier.name} generates one; or scan the carrier’s label.`
              : 'Optional: type or scan it from the carrier’s label, or add it on the order page later.'
          }
          value={tracking}
          onChange={(e) => {
            setTracking(e.currentTarget.value);
            setErrors({});
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          error={errors.trackingNumber}
          autoComplete="off"
          maw={420}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
      </Card>

      {formError && (
        <Alert color="red" title="Not created" role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={() => {
            changeCounts({});
            setFeedback(null);
            scanRef.current?.focus();
          }}
        >
          Clear counts
        </Button>
        <Button size="lg" onClick={submit} loading={create.isPending}>
          Create shipment
        </Button>
      </Group>
    </Stack>
  );
}

function QuoteText({ ready, country, weightsKnown, pending, error, text }: { ready: boolean; country: string; weightsKnown: boolean; pending: boolean; error: string; text: string }) {
  if (!country) return <Text c="red">The order has no shipping country.</Text>;
  if (!ready) return <Text c="dimmed">Choose a carrier and service.</Text>;
  if (!weightsKnown) return <Text c="dimmed">Enter every package’s weight.</Text>;
  if (error) return <Text c="red" fw={600}>{error}</Text>;
  if (pending && !text) return <Text c="dimmed">Pricing…</Text>;
  return (
    <Text fw={700} size="xl">
      {text}
    </Text>
  );
}
