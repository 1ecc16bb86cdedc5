import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Radio, SegmentedControl, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { applyApiError, type ApiError } from '../../api/errors';
import { useSettleException, useSyncExceptions, type ExceptionFilter, type ExceptionView } from '../../api/sync';
import { formatDateTime } from '../../shell/format';
import {
  RESOLUTION_HINTS,
  RESOLUTION_LABELS,
  allowedResolutions,
  backorderChoices,
  kindLabel,
  settlementOf,
  validateSettle,
  type SettleFormValues,
} from './exceptionText';

/** Orders → Sync exceptions: what sync found that a person must settle (oversells, cancels that met a shipment). */
export function ExceptionsPage() {
  const [filter, setFilter] = useState<ExceptionFilter>('open');
  const list = useSyncExceptions(filter);
  const [settling, setSettling] = useState<ExceptionView | null>(null);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        When two workstations sold the same last units offline, or an order was cancelled on one while it shipped on
        another, sync keeps both and lists the case here to settle.
      </Text>
      <SegmentedControl
        aria-label="Show exceptions"
        w="fit-content"
        value={filter}
        onChange={(v) => setFilter(v as ExceptionFilter)}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'settled', label: 'Settled' },
          { value: '', label: 'All' },
        ]}
      />
      {list.isPending && <Loader aria-label="Loading exceptions" />}
      {list.error && (
        <Alert color="red" title="The exceptions could not be loaded" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.data && list.data.length === 0 && (
        <Text c="dimmed" py="md">
          {filter === 'open' ? 'Nothing to settle.' : 'No exceptions.'}
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label="Sync exceptions" striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Product</Table.Th>
                <Table.Th scope="col">Warehouse</Table.Th>
                <Table.Th scope="col" ta="right">
                  Short
                </Table.Th>
                <Table.Th scope="col">Orders</Table.Th>
                <Table.Th scope="col" miw={160}>
                  Detail
                </Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Settlement</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Badge color={e.kind === 'oversold' ? 'orange' : 'red'} variant="light" style={{ minWidth: 'max-content' }}>
                      {kindLabel(e.kind)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {e.productId ? (
                      <Stack gap={0}>
                        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                          {e.sku || e.productId}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {e.productName}
                        </Text>
                      </Stack>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{e.warehouseCode || '—'}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {e.kind === 'oversold' ? e.shortage : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {e.orderList.map((o) => (
                        <Text key={o.id} size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {o.found ? (
                            <Anchor component={Link} to={`/orders/${o.id}`} size="sm">
                              {o.number}
                            </Anchor>
                          ) : (
                            <Text span size="sm" c="dimmed" title="This order has not synced here yet">
                              not here yet
                            </Text>
                          )}
                          {o.found && (
                            <Text span size="xs" c="dimmed">
                              {' '}
                              · {o.status} · {o.reserved} reserved
                            </Text>
                          )}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.detail}</Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(e.createdAt)}</Table.Td>
                  <Table.Td>
                    {e.status === 'open' ? (
                      <Button size="xs" aria-label={`Settle ${kindLabel(e.kind)} ${e.sku}`} onClick={() => setSettling(e)}>
                        Settle…
                      </Button>
                    ) : (
                      <Stack gap={0}>
                        <Text size="sm">
                          {RESOLUTION_LABELS[e.resolution as keyof typeof RESOLUTION_LABELS] ?? e.resolution}
                          {e.settledBy ? ` by ${e.settledBy}` : ''}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(e.settledAt)}
                          {e.note ? ` · ${e.note}` : ''}
                        </Text>
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {settling && <SettleModal key={settling.id} exception={settling} onClose={() => setSettling(null)} />}
    </Stack>
  );
}

const SETTLE_FIELDS = ['resolution', 'orderId', 'note'] as const;

function SettleModal({ exception, onClose }: { exception: ExceptionView; onClose: () => void }) {
  const settle = useSettleException();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const allowed = allowedResolutions(exception);
  const choices = backorderChoices(exception);
  const form = useForm<SettleFormValues>({
    initialValues: { resolution: allowed[0] ?? '', orderId: choices.length === 1 ? choices[0].id : '', note: '' },
    validate: (v) => validateSettle(exception, v),
  });

  const submit = (v: SettleFormValues) => {
    setGeneral(null);
    settle.mutate(
      { id: exception.id, settlement: settlementOf(v) },
      {
        onSuccess: (e) => {
          notifications.show({
            color: e.status === 'open' ? 'yellow' : 'green',
            message: e.status === 'open' ? `Still ${e.shortage} short: settle the rest with another order.` : 'Exception settled.',
          });
          onClose();
        },
        onError: (err) => setGeneral(applyApiError(form, err, SETTLE_FIELDS)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Settle: ${kindLabel(exception.kind)} ${exception.sku}`} size="lg">
      <form onSubmit={form.onSubmit(submit)} aria-label="Settle exception">
        <Stack gap="sm">
          <Text size="sm">{exception.detail}</Text>
          {general && (
            <Alert color="red" title="Not settled" role="alert">
              {general.message}
            </Alert>
          )}
          <Radio.Group label="Resolution" withAsterisk {...form.getInputProps('resolution')}>
            <Stack gap={6} mt={6}>
              {allowed.map((r) => (
                <Radio key={r} value={r} label={RESOLUTION_LABELS[r]} description={RESOLUTION_HINTS[r]} />
              ))}
            </Stack>
          </Radio.Group>
          {form.values.resolution === 'backorder' && (
            <Select
              label="Order to backorder"
              withAsterisk
              data={choices.map((o) => ({ value: o.id, label: `${o.number} (${o.reserved} reserved)` }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('orderId')}
            />
          )}
          <Textarea label="Note" autosize minRows={2} maxRows={5} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={settle.isPending}>
              Settle
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
