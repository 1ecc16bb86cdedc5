import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { BarChart, DonutChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from 'react-router';
import { useDashboard, useDashboardEvents, type DashboardProductSales, type DashboardView } from '../api/dashboard';
import { useCurrencies } from '../api/settings';
import { useWarehouses } from '../api/stock';
import { useOpenExceptions } from '../api/sync';
import { openExceptionsText } from '../orders/exceptions/exceptionText';
import { PageTitle } from '../shell/PageTitle';
import { formatMoney } from '../stock/money';
import { bestDay, exceptionCount, exceptionItems, salesSeries, statusSeries, type ExceptionItem } from './summary';

/**
 * The managers' dashboard: sales today and this month, sales per day for 30
 * days, orders by status, top products, low stock and what needs acting on.
 * Every figure comes from DashboardAPI.Summary (internal/dashboard defines
 * them); this screen only lays them out. It re-reads when orders, payments or
 * stock change.
 */
export function DashboardPage() {
  useDashboardEvents();
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState('');
  const summary = useDashboard(warehouseId);
  const currencies = useCurrencies();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <PageTitle>Dashboard</PageTitle>
          {summary.data && (
            <Text size="sm" c="dimmed" mt={-8}>
              Sales in {summary.data.currency || 'the company currency'}, days in local time ({summary.data.timeZone}). Updated{' '}
              {new Date(summary.data.generatedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.
            </Text>
          )}
        </div>
        <Select
          label="Warehouse"
          placeholder="All warehouses"
          clearable
          data={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
          value={warehouseId || null}
          onChange={(v) => setWarehouseId(v ?? '')}
          w={260}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {summary.isPending || currencies.isPending ? (
        <Group gap="xs" aria-live="polite">
          <Loader size="sm" />
          <Text c="dimmed">Loading the dashboard…</Text>
        </Group>
      ) : summary.isError ? (
        <Alert color="red" role="alert" title="The dashboard could not be loaded">
          {summary.error.message}
        </Alert>
      ) : (
        <Dashboard data={summary.data} minorUnits={currencies.data?.find((c) => c.code === summary.data.currency)?.minorUnits ?? 2} />
      )}
    </Stack>
  );
}

/**
 * The figures, in the currency the backend summed them in (the company's,
 * as useMoney formats it elsewhere), with its minor units.
 */
function Dashboard({ data, minorUnits }: { data: DashboardView; minorUnits: number }) {
  const money = useCallback((minor: number) => formatMoney(minor, minorUnits, data.currency), [minorUnits, data.currency]);
  const days = useMemo(() => salesSeries(data.daily, minorUnits), [data.daily, minorUnits]);
  const statuses = useMemo(() => statusSeries(data.byStatus), [data.byStatus]);
  const exceptions = useMemo(() => exceptionItems(data.exceptions, minorUnits, data.currency), [data.exceptions, minorUnits, data.currency]);
  const total30 = days.reduce((s, d) => s + d.grossMinor, 0);
  const orders30 = days.reduce((s, d) => s + d.orders, 0);
  const best = bestDay(days);
  const avg = data.today.orders > 0 ? Math.round(data.today.gross / data.today.orders) : null;
  const toMoney = (major: number) => money(Math.round(major * 10 ** minorUnits));
  const syncOpen = useOpenExceptions().data ?? 0;
  const attention = exceptionCount(data.exceptions) + syncOpen;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        <StatCard label="Sales today" value={money(data.today.gross)}>
          {data.today.refunds > 0 ? `${money(data.today.net)} after ${money(data.today.refunds)} refunded` : 'No refunds on today’s orders'}
        </StatCard>
        <StatCard label="Sales this month" value={money(data.month.gross)}>
          {data.month.orders} {data.month.orders === 1 ? 'order' : 'orders'}
          {data.month.refunds > 0 ? ` · ${money(data.month.net)} after refunds` : ''}
        </StatCard>
        <StatCard label="Orders today" value={String(data.today.orders)}>
          {avg === null ? 'No sales yet today' : `${money(avg)} on average`}
        </StatCard>
        <StatCard
          label="Low stock"
          value={String(data.lowStock)}
          color={data.lowStock > 0 ? 'orange' : undefined}
        >
          <Anchor component={Link} to="/stock/low" size="sm">
            {data.lowStock === 0
              ? 'Nothing below its reorder point'
              : `View ${data.lowStock === 1 ? 'the line' : `the ${data.lowStock} lines`} below reorder point`}
          </Anchor>
        </StatCard>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Paper withBorder p="md" radius="md" style={{ gridColumn: 'span 2' }} component="section" aria-labelledby="dash-sales">
          <Group justify="space-between" align="baseline" mb="xs">
            <Title order={2} size="h4" id="dash-sales">
              Sales per day, last 30 days
            </Title>
            <Text size="sm" c="dimmed">
              {money(total30)} · {orders30} {orders30 === 1 ? 'order' : 'orders'}
            </Text>
          </Group>
          <figure style={{ margin: 0 }} aria-labelledby="dash-sales-caption">
            <BarChart
              h={260}
              data={days}
              dataKey="label"
              series={[{ name: 'gross', label: 'Sales', color: 'blue.6' }]}
              gridAxis="y"
              valueFormatter={toMoney}
              yAxisProps={{ tickFormatter: (v: number) => compact(v), width: 56 }}
              xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 24 }}
              maxBarWidth={18}
              fillOpacity={0.85}
              aria-hidden
            />
            <Text component="figcaption" id="dash-sales-caption" size="sm" c="dimmed" mt="xs">
              Gross sales of confirmed orders by the day they were created.{' '}
              {best ? `Best day: ${best.label}, ${money(best.grossMinor)} from ${best.orders} ${best.orders === 1 ? 'order' : 'orders'}.` : 'No sales in these 30 days.'}
            </Text>
            <VisuallyHidden>
              <table>
                <caption>Sales per day, last 30 days</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Orders</th>
                    <th scope="col">Sales</th>
                  </tr>
                </thead>
                <tbody>
                  {days.map((d) => (
                    <tr key={d.date}>
                      <th scope="row">{d.date}</th>
                      <td>{d.orders}</td>
                      <td>{money(d.grossMinor)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </VisuallyHidden>
          </figure>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dash-status">
          <Title order={2} size="h4" id="dash-status" mb="xs">
            Orders by status
          </Title>
          <Group align="center" gap="sm" wrap="nowrap">
            <DonutChart
              size={124}
              thickness={20}
              style={{ flexShrink: 0 }}
              data={statuses.filter((s) => s.orders > 0).map((s) => ({ name: s.label, value: s.orders, color: s.color }))}
              chartLabel={statuses.reduce((n, s) => n + s.orders, 0)}
              withTooltip
              tooltipDataSource="segment"
              aria-hidden
            />
            <Table aria-label="Orders by status" verticalSpacing={2} horizontalSpacing={6} fz="sm" style={{ flex: 1, minWidth: 0 }}>
              <Table.Tbody>
                {statuses.map((s) => (
                  <Table.Tr key={s.status}>
                    <Table.Th scope="row" fw={400}>
                      <Group gap={6} wrap="nowrap">
                        <ThemeIcon size={10} radius="xl" color={s.color} aria-hidden>
                          {null}
                        </ThemeIcon>
                        {s.label}
                      </Group>
                    </Table.Th>
                    <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {s.orders}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            Every order now in each status.
          </Text>
        </Paper>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dash-top">
          <Title order={2} size="h4" id="dash-top" mb="xs">
            Top products this month
          </Title>
          <Tabs defaultValue="revenue">
            <Tabs.List>
              <Tabs.Tab value="revenue">By revenue</Tabs.Tab>
              <Tabs.Tab value="quantity">By quantity</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="revenue" pt="xs">
              <TopTable items={data.topByRevenue} label="Top products by revenue" money={money} />
            </Tabs.Panel>
            <Tabs.Panel value="quantity" pt="xs">
              <TopTable items={data.topByQuantity} label="Top products by quantity" money={money} />
            </Tabs.Panel>
          </Tabs>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dash-exceptions">
          <Group justify="space-between" align="baseline" mb="xs">
            <Title order={2} size="h4" id="dash-exceptions">
              Needs attention
            </Title>
            <Badge color={attention > 0 ? 'red' : 'green'} variant="light">
              {attention}
            </Badge>
          </Group>
          {syncOpen > 0 && (
            <Group gap={6} wrap="nowrap" mb="xs">
              <Badge color="red" variant="filled" miw={32}>
                {syncOpen}
              </Badge>
              <Anchor component={Link} to="/orders/exceptions" size="sm" fw={500}>
                {openExceptionsText(syncOpen)}
              </Anchor>
            </Group>
          )}
          <ExceptionSummary data={data} money={money} />
          <ExceptionList items={exceptions} hideEmpty={syncOpen > 0} />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

/** Axis ticks in major units, short: 1200 -> "1.2k". */
function compact(v: number): string {
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

function StatCard({ label, value, color, children }: { label: string; value: string; color?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} style={{ fontVariantNumeric: 'tabular-nums' }} lh={1.3} mt={4}>
        {value}
      </Text>
      <Text size="sm" c="dimmed" mt={4} component="div">
        {children}
      </Text>
    </Paper>
  );
}

function TopTable({ items, label, money }: { items: DashboardProductSales[]; label: string; money: (m: number) => string }) {
  if (items.length === 0) {
    return (
      <Text c="dimmed" py="md" ta="center">
        No sales this month yet.
      </Text>
    );
  }
  return (
    <Table aria-label={label} striped highlightOnHover fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={32}>
            #
          </Table.Th>
          <Table.Th scope="col">Product</Table.Th>
          <Table.Th scope="col" ta="right">
            Units
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Revenue
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((p, i) => (
          <Table.Tr key={p.productId}>
            <Table.Td c="dimmed">{i + 1}</Table.Td>
            <Table.Th scope="row" fw={400}>
              <Anchor component={Link} to={`/stock/products/${p.productId}`} size="sm">
                {p.name}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                {p.sku}
              </Text>
            </Table.Th>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {p.quantity}
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {money(p.revenue)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ExceptionSummary({ data, money }: { data: DashboardView; money: (m: number) => string }) {
  const x = data.exceptions;
  const rows: { label: string; n: number; extra?: string; to?: string }[] = [
    { label: 'Refunds to pay out', n: x.pendingRefundCount, extra: x.pendingRefundCount > 0 ? money(x.pendingRefundAmount) : undefined },
    { label: 'Shipment exceptions', n: x.shipmentExceptionCount },
    { label: 'Backordered lines', n: x.backorderCount, to: '/orders/backorders' },
    { label: 'Stock below zero', n: x.negativeStockCount },
  ];
  return (
    <SimpleGrid cols={2} spacing={6} mb="sm">
      {rows.map((r) => (
        <Group key={r.label} gap={6} wrap="nowrap">
          <Badge color={r.n > 0 ? 'red' : 'gray'} variant={r.n > 0 ? 'filled' : 'light'} miw={32}>
            {r.n}
          </Badge>
          <Text size="sm">
            {r.to && r.n > 0 ? (
              <Anchor component={Link} to={r.to} size="sm">
                {r.label}
              </Anchor>
            ) : (
              r.label
            )}
            {r.extra && (
              <Text span c="dimmed" size="sm">
                {' '}
                · {r.extra}
              </Text>
            )}
          </Text>
        </Group>
      ))}
    </SimpleGrid>
  );
}

const KIND: Record<ExceptionItem['kind'], { label: string; color: string }> = {
  refund: { label: 'Refund', color: 'grape' },
  shipment: { label: 'Shipment', color: 'red' },
  backorder: { label: 'Backorder', color: 'orange' },
  negative: { label: 'Stock', color: 'yellow' },
};

function ExceptionList({ items, hideEmpty = false }: { items: ExceptionItem[]; hideEmpty?: boolean }) {
  if (items.length === 0 && hideEmpty) return null;
  if (items.length === 0) {
    return (
      <Text c="dimmed" py="md" ta="center">
        Nothing needs attention.
      </Text>
    );
  }
  return (
    <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: 300, overflowY: 'auto' }} aria-label="Exceptions">
      {items.map((e) => (
        <Group key={e.key} component="li" gap="sm" wrap="nowrap" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Badge color={KIND[e.kind].color} variant="light" w={92} style={{ flexShrink: 0 }}>
            {KIND[e.kind].label}
          </Badge>
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={e.to} size="sm" fw={500}>
              {e.title}
            </Anchor>
            {e.detail && (
              <Text size="xs" c="dimmed" truncate>
                {e.detail}
              </Text>
            )}
          </div>
        </Group>
      ))}
    </Stack>
  );
}
