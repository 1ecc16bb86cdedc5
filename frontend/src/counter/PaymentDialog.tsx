import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Group, Modal, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useLoginUsers } from '../api/auth';
import { useCompanyCurrency } from '../api/catalog';
import {
  useAddPayment,
  useOpenDrawer,
  usePaymentMethods,
  usePaymentSummary,
  usePayments,
  type Order,
  type PaymentMethod,
  type PaymentSummary,
} from '../api/orders';
import { formatMinor, parseMoney } from '../stock/money';
import { useMoney } from '../orders/useMoney';
import { buildPayment, changeDue, needsReference } from './payment';

interface Props {
  opened: boolean;
  order: Order | null;
  onClose: () => void;
  /** A payment was taken; `change` is the cash to hand back from it. */
  onPaid: (summary: PaymentSummary, change: number) => void;
  /** What the dialog says once the balance is paid; the counter's says how to finish the sale. */
  finishHint?: string;
}

/** F8 at the counter: take one or more payments (split) until the balance is paid. */
export function PaymentDialog({ opened, order, onClose, onPaid, finishHint = 'Press F9 (or Esc, then F9) to finish the sale.' }: Props) {
  return (
    <Modal opened={opened && !!order} onClose={onClose} title="Payment" size="lg">
      {opened && order && <PaymentPanel order={order} onPaid={onPaid} finishHint={finishHint} />}
    </Modal>
  );
}

function PaymentPanel({ order, onPaid, finishHint }: { order: Order; onPaid: Props['onPaid']; finishHint: string }) {
  const money = useMoney();
  const summary = usePaymentSummary(order.id);
  const methods = usePaymentMethods();
  const payments = usePayments(order.id);

  if (summary.isError || methods.isError) {
    return (
      <Alert color="red" title="Payments cannot be taken">
        {(summary.error ?? methods.error)?.message}
      </Alert>
    );
  }
  if (!summary.data || !methods.data) return <Text c="dimmed">Loading…</Text>;
  const s = summary.data;
  const list = payments.data ?? [];

  return (
    <Stack gap="md">
      <SimpleGrid cols={3} role="group" aria-label="Balance">
        <Figure label="Total" value={money(s.total)} />
        <Figure label="Paid" value={money(s.netPaid)} />
        <Figure label="Balance due" value={money(Math.max(0, s.balanceDue))} strong={s.balanceDue > 0} />
      </SimpleGrid>
      {s.balanceDue <= 0 ? (
        <Alert color="green" title="Paid in full" role="status">
          {finishHint}
        </Alert>
      ) : (
        <PaymentForm key={`${s.balanceDue}-${list.length}`} order={order} balanceDue={s.balanceDue} methods={methods.data} onPaid={onPaid} />
      )}
      {list.length > 0 && (
        <Table aria-label="Payments" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Method</Table.Th>
              <Table.Th scope="col" ta="right">
                Amount
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Tendered
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Change
              </Table.Th>
              <Table.Th scope="col">Reference</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={500}>
                  {p.methodName}
                </Table.Th>
                <Table.Td ta="right">{money(p.amount)}</Table.Td>
                <Table.Td ta="right">{p.tendered ? money(p.tendered) : ''}</Table.Td>
                <Table.Td ta="right">{p.change ? money(p.change) : ''}</Table.Td>
                <Table.Td>{p.reference}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size={strong ? '1.75rem' : 'xl'} fw={strong ? 800 : 600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </div>
  );
}

function PaymentForm({
  order,
  balanceDue,
  methods,
  onPaid,
}: {
  order: Order;
  balanceDue: number;
  methods: PaymentMethod[];
  onPaid: Props['onPaid'];
}) {
  const money = useMoney();
  const { minorUnits } = useCompanyCurrency();
  const add = useAddPayment();
  const openDrawer = useOpenDrawer();
  const [methodId, setMethodId] = useState(methods[0]?.id ?? '');
  const method = methods.find((m) => m.id === methodId);
  const kind = method?.kind ?? '';
  const [amount, setAmount] = useState(formatMinor(balanceDue, minorUnits));
  const [tendered, setTendered] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [drawerClosed, setDrawerClosed] = useState(false);
  const [float, setFloat] = useState('0');
  // Over the customer's credit limit, on account needs a manager's PIN or password.
  const [approval, setApproval] = useState<string | null>(null);
  const [approverId, setApproverId] = useState<string | null>(null);
  const [approverSecret, setApproverSecret] = useState('');
  // The dialog opened before this form was loaded: put the cursor where the clerk types first.
  const amountRef = useRef<HTMLInputElement>(null);
  const tenderedRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    (tenderedRef.current ?? amountRef.current)?.focus();
  }, [methodId]);

  const users = useLoginUsers();
  const approvers = (users.data ?? [])
    .filter((u) => u.role === 'manager' || u.role === 'admin')
    .map((u) => ({ value: u.id, label: u.fullName ? `${u.fullName} (${u.name})` : u.name }));

  const amountMinor = parseMoney(amount, minorUnits) ?? 0;
  const tenderedMinor = parseMoney(tendered, minorUnits) ?? 0;
  const change = kind === 'cash' ? changeDue(Math.min(amountMinor, balanceDue), tenderedMinor) : 0;

  const submit = () => {
    const built = buildPayment({ methodId, kind, amount, tendered, reference }, minorUnits, balanceDue);
    if (!built.ok) {
      setErrors({ [built.field]: built.error });
      return;
    }
    if (approval !== null && kind === 'account') {
      if (!approverId) {
        setErrors({ approverId: 'Choose the manager who approves.' });
        return;
      }
      if (approverSecret === '') {
        setErrors({ approverSecret: 'The manager types their PIN or password.' });
        return;
      }
      built.request.approverId = approverId;
      built.request.approverSecret = approverSecret;
    }
    setErrors({});
    add.mutate(
      { orderId: order.id, request: built.request },
      {
        onSuccess: (r) => onPaid(r.summary, r.payment.change),
        onError: (err) => {
          if (err.code === 'ECONFLICT' && err.field === 'approval') setApproval(err.message);
          else if (err.field.startsWith('approver')) {
            setApproverSecret('');
            setErrors({ approverSecret: err.message });
          } else if (err.code === 'ECONFLICT' && err.field === 'drawer') setDrawerClosed(true);
          else if (['amount', 'tendered', 'reference', 'methodId'].includes(err.field)) setErrors({ [err.field]: err.message });
          else setErrors({ form: err.message });
        },
      },
    );
  };

  const open = () => {
    const f = parseMoney(float, minorUnits);
    if (f === null) {
      setErrors({ float: 'Enter the cash in the drawer, e.g. 100.00.' });
      return;
    }
    openDrawer.mutate(
      { openingFloat: f, note: '' },
      {
        onSuccess: () => {
          setDrawerClosed(false);
          submit();
        },
        onError: (err) => setErrors({ float: err.message }),
      },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4} id="payment-method-label">
            Payment method
          </Text>
          <SegmentedControl
            aria-labelledby="payment-method-label"
            fullWidth
            data={methods.map((m) => ({ value: m.id, label: m.name }))}
            value={methodId}
            onChange={(v) => {
              setMethodId(v);
              setErrors({});
            }}
          />
          {errors.methodId && (
            <Text c="red" size="sm">
              {errors.methodId}
            </Text>
          )}
        </div>
        <Group grow align="flex-start">
          <TextInput
            label="Amount"
            description={`Balance due ${money(balanceDue)}; less pays part (split)`}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amount}
            inputMode="decimal"
            autoComplete="off"
            ref={amountRef}
            onFocus={(e) => e.currentTarget.select()}
          />
          {kind === 'cash' && (
            <TextInput
              label="Cash tendered"
              description="What the customer hands over"
              value={tendered}
              onChange={(e) => setTendered(e.currentTarget.value)}
              error={errors.tendered}
              inputMode="decimal"
              autoComplete="off"
              ref={tenderedRef}
            />
          )}
          {needsReference(kind) && (
            <TextInput
              label="Reference"
              description="Terminal slip or transfer id; never a card number"
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={errors.reference}
              autoComplete="off"
            />
          )}
        </Group>
        {kind === 'cash' && (
          <Group justify="space-between" role="status" aria-label="Change">
            <Text size="1.5rem" fw={700}>
              Change
            </Text>
            <Text size="2.25rem" fw={800} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {money(change)}
            </Text>
          </Group>
        )}
        {kind === 'account' && !order.customerId && (
          <Alert color="yellow">On account needs a customer: choose one with F2 first.</Alert>
        )}
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        {approval !== null && kind === 'account' && (
          <Card withBorder padding="sm" role="group" aria-label="Manager approval">
            <Text fw={600}>A manager must approve</Text>
            <Text size="sm" c="dimmed" mb="xs">
              {approval}
            </Text>
            <Group align="flex-start" grow>
              <Select
                label="Manager"
                data={approvers}
                value={approverId}
                onChange={setApproverId}
                error={errors.approverId}
                comboboxProps={{ withinPortal: true }}
              />
              <PasswordInput
                label="Manager’s PIN or password"
                value={approverSecret}
                onChange={(e) => setApproverSecret(e.currentTarget.value)}
                error={errors.approverSecret}
                autoComplete="off"
              />
            </Group>
          </Card>
        )}
        {drawerClosed && (
          <Card withBorder padding="sm" role="group" aria-label="Cash drawer">
            <Text fw={600}>The cash drawer is closed</Text>
            <Text size="sm" c="dimmed" mb="xs">
              Cash needs an open drawer. Count the float in it and open it; the payment is then taken.
            </Text>
            <Group align="flex-end">
              <TextInput
                label="Opening float"
                value={float}
                onChange={(e) => setFloat(e.currentTarget.value)}
                error={errors.float}
                inputMode="decimal"
                autoComplete="off"
                w={160}
              />
              <Button onClick={open} loading={openDrawer.isPending}>
                Open drawer and pay
              </Button>
            </Group>
          </Card>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} size="md">
            Take payment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
