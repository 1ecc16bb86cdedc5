import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, NumberInput, Progress, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useLocation, useNavigate } from 'react-router';
import { usePick, usePickLines, useShortPick } from '../api/shipments';
import { useOrderEvents } from '../api/orders';
import { errorBeep, okBeep } from '../counter/beep';
import { parseScan } from '../counter/sale';
import { mergePickLines, pickProgress, waveFromSearch, type PickRow } from './pick';
import { createScanQueue } from './scan';

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The pick screen of a wave of orders in picking: the wave's lines merged
 * by product in bin order, and a scan field that ticks them. Every scan is
 * checked by the backend; a wrong item or too many is refused loudly and
 * nothing is recorded. Short picks backorder what the shelves lacked.
 */
export function PickScreen() {
  useOrderEvents();
  const { search } = useLocation();
  const wave = useMemo(() => waveFromSearch(search), [search]);
  const navigate = useNavigate();
  const lines = usePickLines(wave);
  const pick = usePick(wave);
  const [code, setCode] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [lastProduct, setLastProduct] = useState('');
  const [short, setShort] = useState<PickRow | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const queue = useMemo(() => createScanQueue(), []);

  const rows = useMemo(() => mergePickLines(lines.data ?? []), [lines.data]);
  const progress = pickProgress(rows);
  const numbers = useMemo(() => [...new Set((lines.data ?? []).map((l) => l.orderNumber))], [lines.data]);

  const loaded = lines.isSuccess;
  useEffect(() => {
    if (loaded) scanRef.current?.focus();
  }, [loaded]);

  const refuse = (text: string, typed: string) => {
    errorBeep();
    setFeedback({ kind: 'error', text });
    // The refused code stays in the field, selected: the next scan replaces it.
    const input = scanRef.current;
    setCode((now) => (now === '' ? typed : now));
    requestAnimationFrame(() => {
      input?.focus();
      input?.select();
    });
  };

  const handleScan = async (typed: string) => {
    const parsed = parseScan(typed);
    if (!parsed.ok) {
      refuse(parsed.error, typed);
      return;
    }
    try {
      const got = await pick.mutateAsync({ code: parsed.code, quantity: parsed.quantity });
      okBeep();
      setLastProduct(got.line.productId);
      const bin = got.line.bin ? ` from ${got.line.bin}` : '';
      setFeedback({ kind: 'ok', text: `Picked ${got.quantity} × ${got.line.sku} ${got.line.name}${bin}.` });
    } catch (err) {
      refuse((err as Error).message, typed);
    }
  };

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const value = code.trim();
    setCode('');
    if (value) void queue(() => handleScan(value));
  };

  if (wave.length === 0) {
    return (
      <Alert color="yellow" title="No orders chosen">
        Choose the orders to pick under <Anchor component={Link} to="/warehouse/picking">Picking</Anchor>.
      </Alert>
    );
  }
  if (lines.isError) {
    return (
      <Stack>
        <Alert color="red" title="The pick list cannot be shown">
          {lines.error.message}
        </Alert>
        <Anchor component={Link} to="/warehouse/picking">
          Back to picking
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Pick {numbers.length > 0 ? numbers.join(', ') : '…'}
          </Title>
          <Text size="sm" c="dimmed">
            {numbers.length === 1 ? '1 order' : `${numbers.length} orders`} in this wave, products in bin order
          </Text>
        </div>
        <Anchor component={Link} to="/warehouse/picking" size="sm">
          Back to picking
        </Anchor>
      </Group>

      <Card withBorder padding="md">
        <Stack gap="sm">
          <TextInput
            ref={scanRef}
            size="xl"
            label="Scan item"
            description="Scan the barcode or type the SKU and press Enter; 3*CODE picks three"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={onScanKey}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace', fontSize: 28 } }}
          />
          <div aria-live="assertive" style={{ minHeight: 52 }}>
            {feedback?.kind === 'error' && (
              <Alert color="red" variant="filled" title="Refused: nothing was recorded" role="alert" styles={{ message: { fontSize: 18 } }}>
                {feedback.text}
              </Alert>
            )}
            {feedback?.kind === 'ok' && (
              <Alert color="green" variant="light" role="status" styles={{ message: { fontSize: 18 } }}>
                {feedback.text}
              </Alert>
            )}
          </div>
          <div>
            <Group justify="space-between" mb={4}>
              <Text fw={600}>
                {progress.picked} of {progress.toPick} {progress.toPick === 1 ? 'unit' : 'units'} picked
                {progress.backordered > 0 ? `, ${progress.backordered} backordered` : ''}
              </Text>
              <Text c="dimmed">{progress.percent} %</Text>
            </Group>
            <Progress value={progress.percent} size="xl" color={progress.done ? 'green' : 'blue'} aria-label="Wave progress" />
          </div>
        </Stack>
      </Card>

      {progress.done && (
        <Alert color="green" title="Everything is picked" role="status">
          <Group justify="space-between">
            <Text>
              Every line of the wave is picked{progress.backordered > 0 ? ' or backordered' : ''}. Take the goods to the pack station.
            </Text>
            <Button color="green" onClick={() => void navigate(`/warehouse/packing?orders=${wave.join(',')}`)}>
              Go to packing
            </Button>
          </Group>
        </Alert>
      )}

      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Pick list" verticalSpacing="sm" fz="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Bin</Table.Th>
              <Table.Th scope="col">SKU</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Orders</Table.Th>
              <Table.Th scope="col" ta="right">
                To pick
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Picked
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Backordered
              </Table.Th>
              <Table.Th scope="col">
                <Text span size="sm" fw={700}>
                  Short
                </Text>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.isPending && (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text c="dimmed">Loading the pick list…</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => {
              const complete = r.open === 0;
              return (
                <Table.Tr
                  key={r.productId}
                  aria-label={`${r.sku} ${complete ? 'done' : `${r.open} open`}`}
                  bg={complete ? (r.picked > 0 ? 'var(--mantine-color-green-light)' : 'var(--mantine-color-orange-light)') : undefined}
                  style={r.productId === lastProduct ? { outline: '2px solid var(--mantine-color-green-6)', outlineOffset: -2 } : undefined}
                >
                  <Table.Td ff="monospace" fw={700} fz="lg">
                    {r.bin || <Text c="dimmed">no bin</Text>}
                  </Table.Td>
                  <Table.Th scope="row" ff="monospace">
                    {r.sku}
                  </Table.Th>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {r.orders.join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={700} fz="lg">
                    {r.toPick}
                  </Table.Td>
                  <Table.Td ta="right" fz="lg">
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      {complete && r.picked > 0 && (
                        <Badge color="green" variant="filled" size="sm">
                          done
                        </Badge>
                      )}
                      {r.picked}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" c={r.backordered > 0 ? 'orange.8' : undefined} fw={r.backordered > 0 ? 700 : undefined}>
                    {r.backordered}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" disabled={complete} onClick={() => setShort(r)} aria-label={`Short ${r.sku}…`}>
                      Short…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <ShortDialog
        wave={wave}
        row={short}
        onClose={() => {
          setShort(null);
          requestAnimationFrame(() => scanRef.current?.focus());
        }}
      />
    </Stack>
  );
}

/** How many of a product the shelf lacked, and why: they are backordered on the wave's latest orders. */
function ShortDialog({ wave, row, onClose }: { wave: string[]; row: PickRow | null; onClose: () => void }) {
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? `Short pick of ${row.sku}` : 'Short pick'}>
      {row && <ShortForm key={row.productId} wave={wave} row={row} onClose={onClose} />}
    </Modal>
  );
}

function ShortForm({ wave, row, onClose }: { wave: string[]; row: PickRow; onClose: () => void }) {
  const shortPick = useShortPick(wave);
  const [missing, setMissing] = useState<number | string>(row.open);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = typeof missing === 'number' ? missing : Number(missing);
    if (!Number.isInteger(n) || n < 1 || n > row.open) {
      setError(`Enter how many are missing: 1 to ${row.open}.`);
      return;
    }
    shortPick.mutate(
      { productId: row.productId, missing: n, note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'orange', message: `${n} × ${row.sku} backordered.` });
          onClose();
        },
        onError: (err) => setError(err.message),
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={`Short pick of ${row.sku}`}>
      <Stack>
        <Text size="sm">
          {row.name}: {row.open} still to pick{row.bin ? ` from ${row.bin}` : ''}. The missing units are backordered on the wave’s latest orders
          and picked when stock arrives.
        </Text>
        <NumberInput
          label="Missing"
          min={1}
          max={row.open}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          value={missing}
          onChange={(v) => {
            setMissing(v);
            setError('');
          }}
          error={error || undefined}
          data-autofocus
        />
        <Textarea label="Note" placeholder="e.g. bin empty, damaged" value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={2} maxLength={500} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="orange" loading={shortPick.isPending}>
            Record short pick
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
