import { Badge, Group, Table, Text } from '@mantine/core';
import { kindLabel, type DrawerReport } from '../api/cash';
import { shortDateTime } from '../orders/ordersList';
import { differenceKind, signedMoney } from './drawer';

type Money = (minor: number) => string;

/** A labelled figure of a session: "Opened" over "22/11/2026, 09:14 · Ada Admin". */
export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </div>
  );
}

/** How the count came out, in words and colour: "Balanced", "1.00 EUR short", "1.00 EUR over". */
export function DifferenceBadge({ difference, money }: { difference: number; money: Money }) {
  const kind = differenceKind(difference);
  if (kind === 'even') {
    return (
      <Badge color="green" variant="light">
        Balanced
      </Badge>
    );
  }
  return (
    <Badge color={kind === 'short' ? 'red' : 'orange'} variant="filled">
      {money(Math.abs(difference))} {kind}
    </Badge>
  );
}

/**
 * The end-of-day report of a drawer session: who opened and closed it when,
 * the float, and by method what the session took, expected, counted and the
 * difference. An open session shows what it expects so far.
 */
export function DrawerReportCard({ report, money }: { report: DrawerReport; money: Money }) {
  const s = report.session;
  const closed = s.status === 'closed';
  const count = report.methods.reduce((n, l) => n + l.count, 0);
  return (
    <div>
      <Group gap={48} mb="sm" align="flex-start" role="group" aria-label="Session">
        <Fact label="Opened">
          {shortDateTime(s.openedAt)}
          <Text size="sm" c="dimmed">
            by {s.openedByName}
          </Text>
        </Fact>
        <Fact label="Closed">
          {closed ? shortDateTime(s.closedAt) : 'Still open'}
          {closed && (
            <Text size="sm" c="dimmed">
              by {s.closedByName}
            </Text>
          )}
        </Fact>
        <Fact label="Opening float">{money(report.openingFloat)}</Fact>
        <Fact label="Count">{closed ? <DifferenceBadge difference={report.difference} money={money} /> : 'Not counted yet'}</Fact>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="End-of-day report by method" striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Method</Table.Th>
              <Table.Th scope="col" ta="right">
                Transactions
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Payments
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Refunds
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Expected
              </Table.Th>
              {closed && (
                <>
                  <Table.Th scope="col" ta="right">
                    Counted
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Difference
                  </Table.Th>
                </>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.methods.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={closed ? 7 : 5}>
                  <Text c="dimmed" ta="center">
                    No payments in this session.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {report.methods.map((l) => (
              <Table.Tr key={l.methodId}>
                <Table.Th scope="row" fw={500}>
                  <MethodName name={l.methodName} kind={l.methodKind} />
                </Table.Th>
                <Num>{l.count}</Num>
                <Num>{money(l.payments)}</Num>
                <Num>{l.refunds ? money(-l.refunds) : money(0)}</Num>
                <Num>{money(l.expected)}</Num>
                {closed && (
                  <>
                    <Num>{l.isCounted ? money(l.counted) : <Text span c="dimmed" size="sm">not counted</Text>}</Num>
                    <Num color={l.isCounted && l.difference !== 0 ? (l.difference < 0 ? 'red.8' : 'orange.8') : undefined}>
                      {l.isCounted ? signedMoney(l.difference, money) : ''}
                    </Num>
                  </>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Total</Table.Th>
              <Num strong>{count}</Num>
              <Num strong>{money(report.payments)}</Num>
              <Num strong>{report.refunds ? money(-report.refunds) : money(0)}</Num>
              <Num strong>{money(closed ? report.expected : report.methods.reduce((n, l) => n + l.expected, 0))}</Num>
              {closed && (
                <>
                  <Num strong>{money(report.counted)}</Num>
                  <Num strong color={report.difference < 0 ? 'red.8' : report.difference > 0 ? 'orange.8' : undefined}>
                    {signedMoney(report.difference, money)}
                  </Num>
                </>
              )}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {closed && (
        <Text size="xs" c="dimmed" mt={4}>
          The totals of expected, counted and difference add up the counted methods (cash and card); the others leave nothing at the counter to count.
        </Text>
      )}
      {s.note && (
        <Group gap="xs" mt="sm" align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed">
            Note
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.note}
          </Text>
        </Group>
      )}
    </div>
  );
}

/** A method's name, with its kind when the name does not say it ("Terminal 2 · Card"). */
export function MethodName({ name, kind }: { name: string; kind: string }) {
  const k = kindLabel(kind);
  return (
    <>
      {name}
      {k.toLowerCase() !== name.toLowerCase() && (
        <Text span size="xs" c="dimmed" ml={6}>
          {k}
        </Text>
      )}
    </>
  );
}

function Num({ children, strong, color }: { children: React.ReactNode; strong?: boolean; color?: string }) {
  return (
    <Table.Td ta="right" fw={strong ? 700 : undefined} c={color} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {children}
    </Table.Td>
  );
}
