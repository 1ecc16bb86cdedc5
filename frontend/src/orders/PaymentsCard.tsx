import { useState } from 'react';
import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCompanyCurrency } from '../api/catalog';
import { usePaymentMethods, usePaymentSummary, usePayments, type Order, type Payment, type PaymentSummary } from '../api/orders';
import { useRefund, useSettleRefund } from '../api/returns';
import { PaymentDialog } from '../counter/PaymentDialog';
import { formatMinor, parseMoney } from '../stock/money';
import { paymentStatusBadge, shortDateTime } from './ordersList';

interface Props {
  order: Order;
  money: (minor: number) => string;
  /** May take payments (orders.create). */
  canPay: boolean;
  /** May refund and pay out refunds (orders.manage). */
  canRefund: boolean;
}

/** Where an order stands with its payments, each payment or refund, and taking, refunding and paying out. */
export function PaymentsCard({ order, money, canPay, canRefund }: Props) {
  const summary = usePaymentSummary(order.id);
  const payments = usePayments(order.id);
  const [dialog, setDialog] = useState<'pay' | 'refund' | null>(null);
  const [settling, setSettling] = useState<Payment | null>(null);
  const s = summary.data;
  const status = s ? paymentStatusBadge(s.status) : null;
  const list = payments.data ?? [];
  const payable = !!s && s.balanceDue > 0 && order.status !== 'cancelled';
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="order-payments">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id="order-payments">
            Payments
          </Title>
          {status && (
            <Badge color={status.color} variant="light">
              {status.label}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {canPay && payable && (
            <Button size="xs" onClick={() => setDialog('pay')}>
              Take payment
            </Button>
          )}
          {canRefund && s && s.netPaid - s.pendingRefund > 0 && (
            <Button size="xs" variant="default" onClick={() => setDialog('refund')}>
              Refund
            </Button>
          )}
        </Group>
      </Group>
      {summary.isError && <Text c="red">{summary.error.message}</Text>}
      {s && (
        <Group gap="lg" mb="xs">
          <Text size="sm">
            Paid <b>{money(s.netPaid)}</b>
          </Text>
          <Text size="sm">
            Balance due <b>{money(Math.max(0, s.balanceDue))}</b>
          </Text>
          {s.refunded > 0 && (
            <Text size="sm">
              Refunded <b>{money(s.refunded)}</b>
            </Text>
          )}
          {s.pendingRefund > 0 && (
            <Text size="sm" c="orange">
              To pay out <b>{money(s.pendingRefund)}</b>
            </Text>
          )}
          {s.overpaid > 0 && (
            <Text size="sm" c="orange">
              Overpaid <b>{money(s.overpaid)}</b>
            </Text>
          )}
        </Group>
      )}
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No payments yet.
        </Text>
      ) : (
        <Table aria-label="Payments" striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Method</Table.Th>
              <Table.Th scope="col" ta="right">
                Amount
              </Table.Th>
              <Table.Th scope="col">Reference</Table.Th>
              <Table.Th scope="col">By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDateTime(p.at)}</Table.Td>
                <Table.Td>
                  {p.methodName}
                  {p.amount < 0 && ' refund'}
                  {!p.completed && (
                    <Badge ml={6} size="xs" color="orange" variant="light">
                      to pay out
                    </Badge>
                  )}
                  {p.completed && p.status === 'pending' && (
                    <Text size="xs" c="dimmed">
                      paid out {shortDateTime(p.settlement?.at ?? '')}
                      {p.settlement?.userName ? ` by ${p.settlement.userName}` : ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(p.amount)}
                  {p.change > 0 ? ` (change ${money(p.change)})` : ''}
                </Table.Td>
                <Table.Td>
                  {[p.reference, p.settlement?.reference].filter(Boolean).join(' · ')}
                  {p.reason && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {p.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.userName}
                  {!p.completed && canRefund && (
                    <Button ml="xs" size="compact-xs" variant="light" onClick={() => setSettling(p)}>
                      Pay out
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PaymentDialog
        opened={dialog === 'pay'}
        order={order}
        onClose={() => setDialog(null)}
        onPaid={(paid, change) => {
          if (paid.balanceDue <= 0) setDialog(null);
          notifications.show({ color: 'green', message: change > 0 ? `Payment taken. Change ${money(change)}.` : 'Payment taken.' });
        }}
        finishHint="The order is paid in full."
      />
      <Modal opened={dialog === 'refund'} onClose={() => setDialog(null)} title={`Refund order ${order.number}`}>
        {dialog === 'refund' && s && <RefundForm order={order} summary={s} money={money} onDone={() => setDialog(null)} />}
      </Modal>
      <Modal opened={!!settling} onClose={() => setSettling(null)} title="Pay out the refund">
        {settling && <SettleForm order={order} refund={settling} money={money} onDone={() => setSettling(null)} />}
      </Modal>
    </Card>
  );
}

/** A refund by hand: how much, through which method, why, and whether it is paid out now. */
function RefundForm({ order, summary, money, onDone }: { order: Order; summary: PaymentSummary; money: (m: number) => string; onDone: () => void }) {
  const { minorUnits } = useCompanyCurrency();
  const methods = usePaymentMethods();
  const refund = useRefund();
  const [methodId, setMethodId] = useState<string | null>(null);
  const [amount, setAmount] = useState(formatMinor(summary.overpaid > 0 ? summary.overpaid : 0, minorUnits));
  const [reason, setReason] = useState(summary.overpaid > 0 ? 'Overpaid' : '');
  const [reference, setReference] = useState('');
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const next: Record<string, string> = {};
    const minor = parseMoney(amount, minorUnits);
    if (!methodId) next.methodId = 'Choose how the money goes back.';
    if (minor === null || minor <= 0) next.amount = 'Enter the amount to refund, greater than zero.';
    if (reason.trim() === '') next.reason = 'Say why the money goes back.';
    setErrors(next);
    if (Object.keys(next).length > 0 || minor === null || !methodId) return;
    refund.mutate(
      { orderId: order.id, request: { methodId, amount: minor, reference: reference.trim(), reason: reason.trim(), pending } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `${money(minor)} ${pending ? 'to pay out' : 'refunded'}.` });
          onDone();
        },
        onError: (err) => setErrors({ [err.field || 'form']: err.message }),
      },
    );
  };
  return (
    <form
      aria-label="Refund"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Paid {money(summary.netPaid)}; a refund never exceeds what was paid through its method.
        </Text>
        <Select
          label="Method"
          withAsterisk
          data={(methods.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={methodId}
          onChange={setMethodId}
          error={errors.methodId}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <TextInput label="Amount" withAsterisk value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amount} inputMode="decimal" />
        <Textarea label="Reason" withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} rows={2} />
        <TextInput
          label="Reference"
          description="Terminal slip or transfer id; never a card number"
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={errors.reference}
        />
        <Checkbox label="Pay out later (record it as pending)" checked={pending} onChange={(e) => setPending(e.currentTarget.checked)} />
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" loading={refund.isPending}>
            Refund
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Pays out a pending refund in full, with the reference of the pay-out. */
function SettleForm({ order, refund, money, onDone }: { order: Order; refund: Payment; money: (m: number) => string; onDone: () => void }) {
  const settle = useSettleRefund();
  const [reference, setReference] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      aria-label="Pay out"
      onSubmit={(e) => {
        e.preventDefault();
        settle.mutate(
          { orderId: order.id, paymentId: refund.id, reference: reference.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `${money(-refund.amount)} paid out by ${refund.methodName}.` });
              onDone();
            },
            onError: (err) => setError(err.message),
          },
        );
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {money(-refund.amount)} back by {refund.methodName}
          {refund.reason ? ` (${refund.reason})` : ''}.
        </Text>
        <TextInput
          label="Reference"
          description="Terminal slip or transfer id of the pay-out; never a card number"
          value={reference}
          onChange={(e) => {
            setReference(e.currentTarget.value);
            setError('');
          }}
          error={error || undefined}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" loading={settle.isPending}>
            Pay out
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
