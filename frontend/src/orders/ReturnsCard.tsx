import { Card, Table, Text, Title } from '@mantine/core';
import { useOrderReturns, type Return } from '../api/returns';
import { useAllBins, type Bin } from '../api/stock';
import { shortDateTime } from './ordersList';

const REFUND_LABEL: Record<string, string> = {
  original: 'to the original payment',
  store_credit: 'to store credit',
  none: 'no refund',
};

/** The returns of an order: what came back, where it went, and the money given back. */
export function ReturnsCard({ orderId, money }: { orderId: string; money: (minor: number) => string }) {
  const returns = useOrderReturns(orderId);
  const bins = useAllBins();
  const list = returns.data?.items ?? [];
  if (returns.isPending || (list.length === 0 && !returns.isError)) return null;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="order-returns">
      <Title order={2} size="h4" id="order-returns" mb="xs">
        Returns
      </Title>
      {returns.isError && <Text c="red">{returns.error.message}</Text>}
      {list.length > 0 && (
        <Table aria-label="Returns" striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Return</Table.Th>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
              <Table.Th scope="col">Lines</Table.Th>
              <Table.Th scope="col" ta="right">
                Refund
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <ReturnRow key={r.id} r={r} money={money} bins={bins} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function ReturnRow({ r, money, bins }: { r: Return; money: (minor: number) => string; bins: Map<string, Bin> }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
        {r.number}
      </Table.Th>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {shortDateTime(r.createdAt)}
        <Text size="xs" c="dimmed">
          {r.createdBy}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
        {r.reason}
        {r.note && (
          <Text size="xs" c="dimmed">
            {r.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {r.lines.map((l) => (
          <Text key={l.id} size="sm">
            {l.quantity} × {l.sku}{' '}
            <Text span size="xs" c={l.disposition === 'restock' ? 'teal' : 'dimmed'}>
              {l.disposition === 'restock' ? `Restocked to ${bins.get(l.binId)?.code ?? 'a bin'}` : 'Written off'}
            </Text>
          </Text>
        ))}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {money(r.refundTotal)}
        <Text size="xs" c="dimmed">
          {REFUND_LABEL[r.refundMethod] ?? r.refundMethod}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
