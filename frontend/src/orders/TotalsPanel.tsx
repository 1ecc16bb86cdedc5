import { Group, Stack, Table, Text } from '@mantine/core';
import type { Order } from '../api/orders';
import { percentText } from '../counter/sale';

type Totals = Pick<Order, 'subtotal' | 'discountTotal' | 'netTotal' | 'taxTotal' | 'shipping' | 'total' | 'discountBps' | 'pricesIncludeTax'>;

/** The zero totals of a sale with no lines yet. */
export const NO_TOTALS: Totals = {
  subtotal: 0,
  discountTotal: 0,
  netTotal: 0,
  taxTotal: 0,
  shipping: 0,
  total: 0,
  discountBps: 0,
  pricesIncludeTax: false,
};

/** An order's totals, the grand total largest; `large` for the counter, read from a distance. */
export function TotalsPanel({ totals, money, large = false }: { totals: Totals; money: (minor: number) => string; large?: boolean }) {
  const size = large ? 'lg' : 'sm';
  const discountLabel = totals.discountBps > 0 ? `Discount (${percentText(totals.discountBps)} %)` : 'Discount';
  const rows: [string, number][] = [
    ['Subtotal', totals.subtotal],
    [discountLabel, -totals.discountTotal],
    ['Net', totals.netTotal],
    [totals.pricesIncludeTax ? 'Tax included' : 'Tax', totals.taxTotal],
    ['Shipping', totals.shipping],
  ];
  const table = (
    <Table aria-label="Totals" verticalSpacing={large ? 6 : 4} withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" fw={400}>
              <Text size={size}>{label}</Text>
            </Table.Th>
            <Table.Td ta="right">
              <Text size={size} style={nums}>
                {money(value)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
        {!large && (
          <Table.Tr style={{ borderTop: '2px solid var(--mantine-color-default-border)' }}>
            <Table.Th scope="row">
              <Text size="lg" fw={700}>
                Total
              </Text>
            </Table.Th>
            <Table.Td ta="right">
              <Text size="lg" fw={700} style={nums}>
                {money(totals.total)}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
  if (!large) return table;
  // At the counter the total stands on its own line, big enough to read from across the counter.
  return (
    <Stack gap={0}>
      {table}
      <Group
        justify="space-between"
        align="baseline"
        wrap="wrap"
        pt="xs"
        px="xs"
        style={{ borderTop: '2px solid var(--mantine-color-default-border)' }}
        role="group"
        aria-label="Total to pay"
      >
        <Text size="1.5rem" fw={700}>
          Total
        </Text>
        <Text size="2.25rem" fw={800} style={nums} ml="auto" aria-live="polite">
          {money(totals.total)}
        </Text>
      </Group>
    </Stack>
  );
}

const nums = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
