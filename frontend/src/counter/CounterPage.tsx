import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Box, Badge, Button, Card, Flex, Group, Kbd, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { Link } from 'react-router';
import { fetchPaymentSummary, statusColor, statusLabel, useOrderEvents, type Order } from '../api/orders';
import { toApiError } from '../api/errors';
import { useStatus } from '../api/status';
import { useStockEvents, useWarehouses } from '../api/stock';
import type { SessionInfo } from '../api/types';
import { LinesTable } from '../orders/LinesTable';
import { NO_TOTALS, TotalsPanel } from '../orders/TotalsPanel';
import { useMoney } from '../orders/useMoney';
import { PageTitle } from '../shell/PageTitle';
import { hasPermission } from '../shell/permissions';
import { roleLabel } from '../shell/roles';
import { SHORTCUTS } from '../shell/useGlobalShortcuts';
import { beep } from './beep';
import { CustomerDialog } from './CustomerDialog';
import { DocumentButtons } from '../orders/DocumentButtons';
import { PaymentDialog } from './PaymentDialog';
import { parsePercent, parseScan, percentText, rememberWarehouse, rememberedWarehouse, stationWarehouse } from './sale';
import { useCounterSale, type ActionError, type CounterMessage } from './useCounterSale';

type Dialog = 'customer' | 'discount' | 'payment' | 'clear' | null;

/** The counter shortcuts, shown on screen. */
const COUNTER_KEYS: readonly { keys: string[]; action: string }[] = [
  { keys: ['Enter'], action: 'Add the scanned or typed code' },
  { keys: ['3', '*', 'code'], action: 'Add three at once' },
  { keys: ['F2'], action: 'Customer' },
  { keys: ['F4'], action: 'Order discount' },
  { keys: ['F8'], action: 'Payment' },
  { keys: ['F9'], action: 'Finish the sale' },
  { keys: ['Esc'], action: 'Close a dialog, back to scanning' },
  { keys: ['Ctrl', 'Delete'], action: 'Clear the sale' },
];

/** The app-wide shortcuts worth knowing at the counter (lock, jump to an area). */
const GLOBAL_KEYS = SHORTCUTS.filter((s) => s.keys.startsWith('F12') || s.keys.startsWith('Alt'));

/**
 * The counter: a clerk scans items into a sale, sets the customer and an
 * order discount, and finishes it (confirmed and handed over at once). The
 * cursor lives in the scan field and returns there after every action.
 */
export function CounterPage({ session }: { session: SessionInfo }) {
  useOrderEvents();
  useStockEvents();
  const money = useMoney();
  const warehouses = useWarehouses();
  const status = useStatus();
  const [chosenWarehouse, setChosenWarehouse] = useState<string | null>(rememberedWarehouse);
  const activeWarehouses = (warehouses.data ?? []).filter((w) => w.active);
  const warehouseId = stationWarehouse(chosenWarehouse, activeWarehouses);
  const sale = useCounterSale(warehouseId);
  const canSell = hasPermission(session.permissions, 'orders.create');

  const [code, setCode] = useState('');
  const codeRef = useRef('');
  const setScanText = (text: string) => {
    codeRef.current = text;
    setCode(text);
  };
  const [message, setMessage] = useState<CounterMessage | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [completed, setCompleted] = useState<Order | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const newSaleRef = useRef<HTMLButtonElement>(null);

  /** Back to the scan field, its text selected so the next scan replaces it. */
  const focusScan = () =>
    requestAnimationFrame(() => {
      scanRef.current?.focus();
      scanRef.current?.select();
    });
  const order = sale.sale;

  useEffect(() => {
    if (completed) newSaleRef.current?.focus();
  }, [completed]);

  // The field is disabled until the warehouses are known; the cursor goes there once it is usable.
  const scanEnabled = canSell && !!warehouseId;
  useEffect(() => {
    if (scanEnabled) scanRef.current?.focus();
  }, [scanEnabled]);

  // After a refused scan the code is selected once React has put it back in the field.
  const [selectToken, setSelectToken] = useState(0);
  useLayoutEffect(() => {
    if (selectToken === 0) return;
    scanRef.current?.focus();
    scanRef.current?.select();
  }, [selectToken]);

  const show = (err: ActionError | null, ok?: string) => {
    if (err) {
      if (err.message.kind === 'error') beep();
      setMessage(err.message);
    } else if (ok) {
      setMessage({ kind: 'ok', text: ok });
    }
  };

  /** A refused scan: loud, and the code stays selected so the next scan replaces it. */
  const refuse = (raw: string, title: string, text: string) => {
    beep();
    setMessage({ kind: 'error', title, text });
    // Only when the clerk has not started the next code meanwhile.
    if (codeRef.current === '' || codeRef.current.trim() === raw) {
      setScanText(raw);
      setSelectToken((n) => n + 1);
    }
  };

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      setScanText('');
      setMessage(null);
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const raw = code.trim();
    if (raw === '') return;
    const parsed = parseScan(raw);
    if (!parsed.ok) {
      refuse(raw, 'Not a code', parsed.error);
      return;
    }
    setCompleted(null);
    setScanText('');
    void sale.scan(parsed.code, parsed.quantity).then((err) => {
      if (!err) {
        setMessage({ kind: 'ok', text: parsed.quantity > 1 ? `Added ${parsed.quantity} × ${parsed.code}` : `Added ${parsed.code}` });
      } else if (err.code === 'ENOTFOUND' && err.field === 'code') {
        refuse(raw, `Unknown code “${parsed.code}”`, `No product has the barcode or SKU “${parsed.code}”. Nothing was added.`);
      } else if (!err.reloaded) {
        refuse(raw, err.message.kind === 'ok' ? '' : err.message.title, err.message.text);
      } else {
        show(err);
      }
    });
  };

  const finish = async () => {
    if (!order || order.lines.length === 0) {
      beep();
      setMessage({ kind: 'error', title: 'Nothing to finish', text: 'Scan at least one item first.' });
      focusScan();
      return;
    }
    // A sale leaves paid: on account counts as paid, since it is a payment too.
    try {
      const paid = await fetchPaymentSummary(order.id);
      if (paid.balanceDue > 0) {
        beep();
        setMessage({ kind: 'error', title: 'Not paid yet', text: `Balance due ${money(paid.balanceDue)}: take the payment first (F8).` });
        focusScan();
        return;
      }
    } catch (e) {
      beep();
      setMessage({ kind: 'error', title: 'Not done', text: toApiError(e).message });
      focusScan();
      return;
    }
    const result = await sale.finish();
    if ('done' in result) {
      setMessage(null);
      setScanText('');
      setCompleted(result.done);
    } else {
      show(result.error);
      focusScan();
    }
  };

  const newSale = () => {
    setCompleted(null);
    setMessage(null);
    setScanText('');
    focusScan();
  };

  const closeDialog = () => {
    setDialog(null);
    focusScan();
  };

  const open = (d: Dialog) => () => {
    if (dialog || !canSell) return;
    if ((d === 'clear' || d === 'payment') && !order) return;
    setDialog(d);
  };

  useHotkeys(
    [
      ['F2', open('customer')],
      ['F4', open('discount')],
      ['F8', open('payment')],
      ['F9', () => void (dialog ? undefined : finish())],
      ['ctrl+Delete', open('clear')],
    ],
    [],
  );

  const customerName = order ? order.customerName || (order.customerId ? '…' : 'Walk-in') : 'Walk-in';
  const totals = order ?? completed ?? NO_TOTALS;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle focus={false}>Counter</PageTitle>
        <Group gap="xs" aria-label="Sale" role="group">
          {order ? (
            <>
              <Text fw={600}>Sale {order.number}</Text>
              <Badge color={statusColor(order.status)} variant="light">
                {statusLabel(order.status)}
              </Badge>
            </>
          ) : (
            <Text fw={600}>New sale</Text>
          )}
          <Text c="dimmed">·</Text>
          <Text>
            Customer: <b>{customerName}</b>
          </Text>
          {order && order.discountBps > 0 && <Badge variant="outline">Order discount {percentText(order.discountBps)} %</Badge>}
        </Group>
        <Button component={Link} to="/counter/drawer" variant="default" size="compact-sm" h={32}>
          Cash drawer
        </Button>
      </Group>

      {!canSell && (
        <Alert color="yellow" title="You cannot sell here">
          Your role may look at orders but not create them. Ask a manager for the “orders.create” permission.
        </Alert>
      )}
      {warehouses.isSuccess && activeWarehouses.length === 0 && (
        <Alert color="yellow" title="No warehouse yet">
          Sales take their goods from a warehouse. Create one under Warehouse → Warehouses first.
        </Alert>
      )}

      <Flex gap="md" align="flex-start" direction={{ base: 'column', md: 'row' }}>
        <div style={{ flex: '1 1 0', minWidth: 0, width: '100%' }}>
          <Stack gap="sm">
            <TextInput
              ref={scanRef}
              size="lg"
              label="Scan or type SKU"
              description="Enter adds it; 3*CODE adds three"
              placeholder="Scan…"
              value={code}
              onChange={(e) => setScanText(e.currentTarget.value)}
              onKeyDown={onScanKey}
              disabled={!scanEnabled}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              rightSection={sale.busy ? <Text size="xs" c="dimmed">…</Text> : null}
            />
            <MessageArea message={message} />
            <Group gap="xs" wrap="wrap">
              <ShortcutButton keys="F2" onClick={open('customer')} disabled={!canSell}>
                Customer
              </ShortcutButton>
              <ShortcutButton keys="F4" onClick={open('discount')} disabled={!canSell}>
                Discount
              </ShortcutButton>
              <ShortcutButton keys="F8" onClick={open('payment')} disabled={!canSell || !order}>
                Payment
              </ShortcutButton>
              <ShortcutButton keys="F9" onClick={() => void finish()} disabled={!canSell || !order} color="green" variant="filled">
                Finish sale
              </ShortcutButton>
              <ShortcutButton keys="Ctrl+Del" onClick={open('clear')} disabled={!canSell || !order} color="red" label="Clear sale">
                Clear
              </ShortcutButton>
            </Group>
            {completed ? (
              <Card withBorder padding="lg" role="status" aria-label="Sale complete">
                <Stack gap="xs" align="flex-start">
                  <Title order={2}>Sale {completed.number} complete</Title>
                  <Text size="2rem" fw={700}>
                    Total {money(completed.total)}
                  </Text>
                  <Text c="dimmed">
                    {completed.lines.reduce((n, l) => n + l.quantity, 0)} items ·{' '}
                    {completed.customerName || 'Walk-in'} · {statusLabel(completed.status)}
                  </Text>
                  <Group gap="xs">
                    <Button ref={newSaleRef} onClick={newSale} size="md">
                      New sale
                    </Button>
                    <DocumentButtons orderId={completed.id} kinds={['invoice']} size="md" />
                  </Group>
                  <Text size="sm" c="dimmed">
                    Press Enter or scan the next item to start a new sale.
                  </Text>
                </Stack>
              </Card>
            ) : (
              <LinesTable
                label="Sale lines"
                lines={order?.lines ?? []}
                money={money}
                editable={canSell && !!order}
                busy={sale.busy}
                onChange={(l, q, d) => void sale.updateLine(l.id, q, d, l.discountAmount).then((err) => show(err))}
                onRemove={(l) => {
                  void sale.removeLine(l.id).then((err) => show(err, `Removed ${l.sku}.`));
                  focusScan();
                }}
                onDone={focusScan}
                empty={sale.loading ? 'Loading the open sale…' : 'No items yet: scan a barcode or type a SKU and press Enter.'}
              />
            )}
          </Stack>
        </div>
        <Box w={{ base: '100%', md: 320 }} style={{ flexShrink: 0 }}>
          <Stack gap="sm">
            <Card withBorder padding="sm" aria-label="Sale totals" component="section">
              <TotalsPanel totals={totals} money={money} large />
            </Card>
            <Card withBorder padding="sm" component="section" aria-labelledby="counter-keys">
              <Title order={2} size="h5" id="counter-keys" mb={4}>
                Keyboard
              </Title>
              <Table verticalSpacing={2} withRowBorders={false} fz="sm">
                <Table.Tbody>
                  {COUNTER_KEYS.map((k) => (
                    <Table.Tr key={k.action}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {k.keys.map((key, i) => (
                          <span key={key}>
                            {i > 0 && ' '}
                            {key === 'code' ? <Text span size="xs">CODE</Text> : key === '*' ? '*' : <Kbd size="xs">{key}</Kbd>}
                          </span>
                        ))}
                      </Table.Td>
                      <Table.Td>{k.action}</Table.Td>
                    </Table.Tr>
                  ))}
                  {GLOBAL_KEYS.map((k) => (
                    <Table.Tr key={k.keys}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Kbd size="xs">{k.keys}</Kbd>
                      </Table.Td>
                      <Table.Td>{k.action}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder padding="sm" component="section" aria-labelledby="counter-station">
              <Title order={2} size="h5" id="counter-station" mb={4}>
                Station
              </Title>
              <Text size="sm">
                {status.data?.device?.name ?? '…'}
                {status.data?.device?.stationCode ? ` · station ${status.data.device.stationCode}` : ''}
              </Text>
              <Text size="sm" c="dimmed" mb="xs">
                {session.user.fullName || session.user.name} · {roleLabel(session.user.role)}
              </Text>
              <Select
                label="Sells from warehouse"
                size="sm"
                allowDeselect={false}
                data={activeWarehouses.map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
                value={warehouseId}
                onChange={(id) => {
                  if (!id) return;
                  setChosenWarehouse(id);
                  rememberWarehouse(id);
                  if (order && order.warehouseId !== id) void sale.updateHeader({ warehouseId: id }).then((err) => show(err));
                  focusScan();
                }}
                comboboxProps={{ withinPortal: true }}
              />
            </Card>
          </Stack>
        </Box>
      </Flex>

      <CustomerDialog
        opened={dialog === 'customer'}
        currentId={order?.customerId ?? ''}
        onClose={closeDialog}
        onPick={(c) => {
          closeDialog();
          setCompleted(null);
          void sale.setCustomer(c?.id ?? '').then((err) => show(err, c ? `Customer: ${c.name}` : 'Walk-in sale'));
        }}
      />
      <DiscountDialog
        opened={dialog === 'discount'}
        current={order?.discountBps ?? 0}
        onClose={closeDialog}
        onSave={(bps) => {
          closeDialog();
          setCompleted(null);
          void sale
            .updateHeader({ discountBps: bps })
            .then((err) => show(err, bps > 0 ? `Order discount ${percentText(bps)} %` : 'No order discount'));
        }}
      />
      <PaymentDialog
        opened={dialog === 'payment'}
        order={order}
        onClose={closeDialog}
        onPaid={(paid, change) => {
          const back = change > 0 ? ` Change: ${money(change)}.` : '';
          if (paid.balanceDue <= 0) {
            closeDialog();
            setMessage({ kind: 'ok', text: `Paid in full.${back} Press F9 to finish.`, big: change > 0 ? `Change ${money(change)}` : undefined });
          } else {
            setMessage({ kind: 'ok', text: `Payment taken.${back} Balance due ${money(paid.balanceDue)}.` });
          }
        }}
      />
      <Modal opened={dialog === 'clear'} onClose={closeDialog} title="Clear this sale?">
        <Stack>
          <Text>
            Sale {order?.number} with {order?.lines.length ?? 0} lines will be deleted. This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDialog}>
              Keep the sale
            </Button>
            <Button
              color="red"
              data-autofocus
              onClick={() => {
                closeDialog();
                void sale.clear().then((err) => show(err, 'Sale cleared.'));
              }}
            >
              Clear sale
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ShortcutButton({
  keys,
  children,
  label,
  ...props
}: { keys: string; children: ReactNode; label?: string; onClick: () => void; disabled?: boolean; color?: string; variant?: string }) {
  return (
    <Button variant="default" size="compact-sm" h={32} aria-label={label} {...props} rightSection={<Kbd size="xs">{keys}</Kbd>} aria-keyshortcuts={keys === 'Ctrl+Del' ? 'Control+Delete' : keys}>
      {children}
    </Button>
  );
}

function MessageArea({ message }: { message: CounterMessage | null }) {
  if (!message) return <div role="status" aria-live="polite" />;
  if (message.kind === 'ok') {
    return (
      <div role="status" aria-live="polite">
        {message.big && (
          <Text size="2.25rem" fw={800} c="green.8">
            {message.big}
          </Text>
        )}
        <Text c="green.8" fw={500}>
          {message.text}
        </Text>
      </div>
    );
  }
  return (
    <Alert color={message.kind === 'error' ? 'red' : 'yellow'} title={message.title} variant="filled" role="alert">
      {message.text}
    </Alert>
  );
}

function DiscountDialog({ opened, current, onClose, onSave }: { opened: boolean; current: number; onClose: () => void; onSave: (bps: number) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Order discount">
      {opened && <DiscountForm current={current} onSave={onSave} />}
    </Modal>
  );
}

function DiscountForm({ current, onSave }: { current: number; onSave: (bps: number) => void }) {
  const [text, setText] = useState(current > 0 ? percentText(current) : '');
  const [error, setError] = useState('');
  const submit = () => {
    const bps = parsePercent(text);
    if (bps === null) {
      setError('Enter a percentage from 0 to 100, at most 2 decimals.');
      return;
    }
    onSave(bps);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <TextInput
          label="Discount (%)"
          description="On every line of the sale; 0 removes it"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError('');
          }}
          error={error || undefined}
          data-autofocus
          autoComplete="off"
          inputMode="decimal"
        />
        <Group justify="flex-end">
          <Button type="submit">Apply discount</Button>
        </Group>
      </Stack>
    </form>
  );
}
