import { useState, type MouseEvent, type ReactNode } from 'react';
import { Anchor, Badge, Button, Card, Collapse, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  nextShipmentSteps,
  shipmentClosed,
  shipmentStatusColor,
  shipmentStatusLabel,
  useOrderShipments,
  useShipment,
  useSetTracking,
  useUpdateShipmentStatus,
  type Shipment,
  type ShipmentStatus,
} from '../api/shipments';
import { BrowserOpenURL } from '../api/wails';
import { inDesktopWindow } from '../shell/download';
import { formatDateTime } from '../shell/format';
import { kgText } from '../warehouse/pack';
import { ShipmentDocuments } from './ShipmentDocuments';

/** The verb of each step a shipment can take, as its button says it. */
const STEP_LABEL: Record<ShipmentStatus, string> = {
  label_created: 'Label created',
  in_transit: 'Mark in transit',
  delivered: 'Mark delivered',
  exception: 'Mark exception',
  returned: 'Mark returned',
};

/** Only web pages open from a tracking link; anything else is shown as text. */
function safeURL(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '';
}

/** The shipments of an order: how each travels, what is in it, where it is and its history. */
export function ShipmentsCard({ orderId, money, canUpdate }: { orderId: string; money: (minor: number) => string; canUpdate: boolean }) {
  const shipments = useOrderShipments(orderId);
  const list = shipments.data?.items ?? [];
  if (shipments.isPending || (list.length === 0 && !shipments.isError)) return null;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="order-shipments">
      <Title order={2} size="h4" id="order-shipments" mb="xs">
        Shipments
      </Title>
      {shipments.isError && <Text c="red">{shipments.error.message}</Text>}
      <Stack gap="sm">
        {list.map((sh) => (
          <ShipmentItem key={sh.id} sh={sh} money={money} canUpdate={canUpdate} />
        ))}
      </Stack>
    </Card>
  );
}

function TrackingLink({ number, url }: { number: string; url: string }) {
  const href = safeURL(url);
  if (!number) return <Text span c="dimmed">none yet</Text>;
  if (!href) return <Text span ff="monospace">{number}</Text>;
  const open = (e: MouseEvent) => {
    // The desktop window would navigate away from the app: the system browser opens it instead.
    if (inDesktopWindow()) {
      e.preventDefault();
      BrowserOpenURL(href);
    }
  };
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" onClick={open} ff="monospace" aria-label={`Track ${number}`}>
      {number}
    </Anchor>
  );
}

function ShipmentItem({ sh, money, canUpdate }: { sh: Shipment; money: (minor: number) => string; canUpdate: boolean }) {
  const [history, setHistory] = useState(false);
  const [dialog, setDialog] = useState<ShipmentStatus | 'tracking' | null>(null);
  const steps = nextShipmentSteps(sh.status);
  // The list leaves the events out: the shipment itself is read when its history opens.
  const detail = useShipment(sh.id, history);
  const events = detail.data?.events ?? sh.events;
  const historyId = `shipment-history-${sh.id}`;
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={`Shipment ${sh.number}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="sm">
          <Text fw={700} ff="monospace">
            {sh.number}
          </Text>
          <Badge color={shipmentStatusColor(sh.status)} variant="light">
            {shipmentStatusLabel(sh.status)}
          </Badge>
        </Group>
        {canUpdate && steps.length > 0 && (
          <Group gap="xs" role="group" aria-label={`Actions of shipment ${sh.number}`}>
            {!shipmentClosed(sh.status) && (
              <Button size="xs" variant="default" onClick={() => setDialog('tracking')}>
                {sh.trackingNumber ? 'Change tracking number' : 'Set tracking number'}
              </Button>
            )}
            {steps.map((s) => (
              <Button key={s} size="xs" variant={s === 'exception' || s === 'returned' ? 'light' : 'filled'} color={s === 'exception' ? 'orange' : s === 'returned' ? 'red' : s === 'delivered' ? 'green' : 'blue'} onClick={() => setDialog(s)}>
                {STEP_LABEL[s]}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mt="xs">
        <Info label="Carrier">
          {sh.carrierName} · {sh.serviceName || sh.serviceCode}
        </Info>
        <Info label="Tracking number">
          <TrackingLink number={sh.trackingNumber} url={sh.trackingUrl} />
        </Info>
        <Info label="Cost">{money(sh.cost)}</Info>
        <Info label="Created">
          {formatDateTime(sh.createdAt)}
          {sh.createdBy ? ` by ${sh.createdBy}` : ''}
        </Info>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        <div>
          <Text size="xs" c="dimmed">
            Packages ({sh.packages.length}, {kgText(sh.weightG)} kg)
          </Text>
          {sh.packages.map((p) => (
            <Text size="sm" key={p.packageNo}>
              {p.packageNo}: {kgText(p.weightG)} kg
              {p.lengthMm || p.widthMm || p.heightMm ? `, ${p.lengthMm / 10} × ${p.widthMm / 10} × ${p.heightMm / 10} cm` : ''}
            </Text>
          ))}
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Contents
          </Text>
          {sh.lines.map((l) => (
            <Text size="sm" key={l.orderLineId}>
              {l.quantity} × <Text span ff="monospace">{l.sku}</Text> {l.name}
            </Text>
          ))}
        </div>
      </SimpleGrid>
      <Group mt="xs">
        <ShipmentDocuments shipmentId={sh.id} number={sh.number} />
      </Group>
      <Button variant="subtle" size="xs" mt="xs" px={0} onClick={() => setHistory((h) => !h)} aria-expanded={history} aria-controls={historyId}>
        {history ? 'Hide history' : 'Show history'}
      </Button>
      <Collapse expanded={history} id={historyId}>
        <Table aria-label={`Events of shipment ${sh.number}`} fz="sm" mt={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.isPending && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed" size="sm">
                    Loading…
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {detail.isError && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="red" size="sm">
                    {detail.error.message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {events.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{shipmentStatusLabel(e.status)}</Table.Td>
                <Table.Td>{e.userName || '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Collapse>
      {dialog === 'tracking' && <TrackingDialog sh={sh} onClose={() => setDialog(null)} />}
      {dialog && dialog !== 'tracking' && <StatusDialog sh={sh} to={dialog} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </div>
  );
}

function TrackingDialog({ sh, onClose }: { sh: Shipment; onClose: () => void }) {
  const set = useSetTracking();
  const [value, setValue] = useState(sh.trackingNumber);
  const [error, setError] = useState('');
  const save = () =>
    set.mutate(
      { id: sh.id, trackingNumber: value.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Tracking number of ${sh.number} saved.` });
          onClose();
        },
        onError: (err) => setError(err.message),
      },
    );
  return (
    <Modal opened onClose={onClose} title={`Tracking number of ${sh.number}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack>
          <TextInput
            label="Tracking number"
            description="Type it or scan it from the carrier’s label"
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setError('');
            }}
            error={error || undefined}
            autoComplete="off"
            data-autofocus
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={set.isPending}>
              Save tracking number
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function StatusDialog({ sh, to, onClose }: { sh: Shipment; to: ShipmentStatus; onClose: () => void }) {
  const update = useUpdateShipmentStatus();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const label = shipmentStatusLabel(to);
  const save = () =>
    update.mutate(
      { id: sh.id, status: to, note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Shipment ${sh.number}: ${label.toLowerCase()}.` });
          onClose();
        },
        onError: (err) => setError(err.message),
      },
    );
  return (
    <Modal opened onClose={onClose} title={`Shipment ${sh.number}: ${label}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack>
          <Text size="sm">
            {to === 'delivered'
              ? 'The carrier delivered it. Once every shipment of the order is delivered, the order is delivered.'
              : to === 'in_transit'
                ? 'The carrier has it on its way.'
                : to === 'exception'
                  ? 'Something went wrong on the way (damaged, address problem, held at customs); a later step clears it.'
                  : 'It came back to us undelivered. Its journey ends here.'}
          </Text>
          <Textarea
            label="Note"
            placeholder={to === 'exception' ? 'What happened?' : 'Optional'}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setError('');
            }}
            error={error || undefined}
            rows={2}
            maxLength={500}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending} color={to === 'exception' ? 'orange' : to === 'returned' ? 'red' : undefined}>
              {STEP_LABEL[to]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
