import { Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { usePaymentSummary, usePayments } from '../api/orders';
import { paymentStatusBadge, shortDateTime } from './ordersList';

/** Where an order stands with its payments, and each payment or refund. */
export function PaymentsCard({ orderId, money }: { orderId: string; money: (minor: number) => string }) {
  const summary = usePaymentSummary(orderId);
  const payments = usePayments(orderId);
  const s = summary.data;
  const status = s ? paymentStatusBadge(s.status) : null;
  const list = payments.data ?? [];
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="order-payments">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="order-payments">
          Payments
        </Title>
        {status && (
          <Badge color={status.color} variant="light">
            {status.label}
          </Badge>
        )}
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
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDateTime(p.at)}</Table.Td>
                <Table.Td>
                  {p.methodName}
                  {p.status === 'pending' ? ' (pending)' : ''}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(p.amount)}
                  {p.change > 0 ? ` (change ${money(p.change)})` : ''}
                </Table.Td>
                <Table.Td>{p.reference || p.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
