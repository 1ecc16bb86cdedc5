import { useRef, useState, type KeyboardEvent, type CSSProperties } from 'react';
import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useNavigate, useSearchParams } from 'react-router';
import {
  CHANNELS,
  ORDER_STATUSES,
  channelLabel,
  fetchOrderPage,
  orderKeys,
  statusColor,
  statusLabel,
  type Order,
  type OrderFilter,
  type OrderPage,
} from '../api/orders';
import { pagesFor } from '../stock/listPaging';
import {
  PAYMENT_STATUSES,
  filterFromParams,
  ordersText,
  paramsFromFilter,
  paymentStatusBadge,
  rangeError,
  shortDateTime,
} from './ordersList';
import { CustomerSelect } from './CustomerSelect';
import { useMoney } from './useMoney';
import classes from '../shell/VirtualGrid.module.css';

const PAGE_SIZE = 100;
const ROW_HEIGHT = 40;

/**
 * Every order, newest first, in one virtualized grid: only the visible rows
 * are in the DOM and their pages of 100 are fetched as they scroll into view.
 * The filters live in the URL, so Back from an order returns to the same list.
 */
export function OrdersList() {
  const navigate = useNavigate();
  const money = useMoney();
  const [params, setParams] = useSearchParams();
  const urlFilter = filterFromParams(params);
  const [numberText, setNumberText] = useState(urlFilter.query);
  const [debouncedNumber] = useDebouncedValue(numberText.trim(), 200);
  const [active, setActive] = useState(0);
  const gridRef = useRef<HTMLDivElement>(null);

  const badRange = rangeError(urlFilter.from, urlFilter.to);
  const filter: OrderFilter = { ...urlFilter, query: debouncedNumber, ...(badRange ? { to: '' } : {}) };

  const update = (changes: Partial<OrderFilter>) => {
    setParams(paramsFromFilter({ ...urlFilter, query: numberText.trim(), ...changes }), { replace: true });
    setActive(0);
  };

  const fetchPage = (page: number) => () => fetchOrderPage({ ...filter, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const first = useQuery({
    queryKey: orderKeys.page(filter, 0, PAGE_SIZE),
    queryFn: fetchPage(0),
    placeholderData: (prev) => prev,
  });
  const total = first.data?.total ?? 0;

  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const pages = pagesFor(
    virtualRows.map((r) => r.index),
    PAGE_SIZE,
  );
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: orderKeys.page(filter, page, PAGE_SIZE),
      queryFn: fetchPage(page),
      staleTime: 30_000,
    })),
  });
  const byPage = new Map<number, OrderPage>();
  pages.forEach((page, i) => {
    const data = results[i]?.data;
    if (data) byPage.set(page, data);
  });
  const rowAt = (i: number): Order | undefined => byPage.get(Math.floor(i / PAGE_SIZE))?.items[i % PAGE_SIZE];

  const open = (o: Order | undefined) => {
    if (o) void navigate(`/orders/${o.id}`);
  };

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const visible = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => (active === 0 ? document.getElementById('order-number-search')?.focus() : move(active - 1)),
      PageDown: () => move(active + visible),
      PageUp: () => move(active - visible),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => open(rowAt(active)),
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  const filtered = Object.values(urlFilter).some((v) => v !== '') || numberText.trim() !== '';

  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap" gap="xs">
        <TextInput
          id="order-number-search"
          label="Search"
          placeholder="Number, name"
          value={numberText}
          onChange={(e) => {
            setNumberText(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && total > 0) {
              e.preventDefault();
              gridRef.current?.focus();
            } else if (e.key === 'Enter' && total === 1) {
              open(rowAt(0));
            }
          }}
          autoFocus
          autoComplete="off"
          w={160}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={ORDER_STATUSES.map((s) => ({ value: s.value, label: s.label }))}
          value={urlFilter.status || null}
          onChange={(v) => update({ status: v ?? '' })}
          w={130}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Payment"
          placeholder="Any payment"
          clearable
          data={PAYMENT_STATUSES}
          value={urlFilter.paymentStatus || null}
          onChange={(v) => update({ paymentStatus: v ?? '' })}
          w={120}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Channel"
          placeholder="Any channel"
          clearable
          data={CHANNELS.map((c) => ({ value: c.value, label: c.label }))}
          value={urlFilter.channel || null}
          onChange={(v) => update({ channel: v ?? '' })}
          w={110}
          comboboxProps={{ withinPortal: true }}
        />
        <CustomerSelect value={urlFilter.customerId} onChange={(id) => update({ customerId: id })} placeholder="Any customer" w={150} />
        <TextInput
          type="date"
          label="From"
          value={urlFilter.from}
          onChange={(e) => update({ from: e.currentTarget.value })}
          w={135}
        />
        <TextInput
          type="date"
          label="To"
          value={urlFilter.to}
          onChange={(e) => update({ to: e.currentTarget.value })}
          error={badRange ?? undefined}
          w={135}
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setNumberText('');
              setParams(new URLSearchParams(), { replace: true });
              setActive(0);
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
      <Text size="sm" c={first.isError ? 'red' : 'dimmed'} aria-live="polite">
        {first.isPending ? 'Loading orders…' : first.isError ? first.error.message : ordersText(total, first.data?.capped ?? false)}
      </Text>
      <div
        ref={gridRef}
        className={classes.grid}
        style={{ '--grid-columns': '9rem 10rem minmax(10rem, 1fr) 6rem 7rem 7rem 9rem', '--grid-offset': '330px' } as CSSProperties}
        role="grid"
        aria-label="Orders"
        aria-rowcount={total + 1}
        aria-activedescendant={total > 0 ? `order-row-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onGridKey}
      >
        <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.header}`}>
          <span role="columnheader">Number</span>
          <span role="columnheader">Date</span>
          <span role="columnheader">Customer</span>
          <span role="columnheader">Channel</span>
          <span role="columnheader">Status</span>
          <span role="columnheader">Payment</span>
          <span role="columnheader" className={classes.num}>
            Total
          </span>
        </div>
        {total === 0 && !first.isPending && (
          <Text c="dimmed" ta="center" py="xl">
            {filtered ? 'No order matches these filters.' : 'No orders yet. Sales made at the Counter appear here.'}
          </Text>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((vr) => {
            const o = rowAt(vr.index);
            return (
              <div
                key={vr.key}
                id={`order-row-${vr.index}`}
                role="row"
                aria-rowindex={vr.index + 2}
                aria-selected={vr.index === active}
                className={classes.row}
                data-active={vr.index === active || undefined}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${vr.start}px)` }}
                onClick={() => {
                  setActive(vr.index);
                  open(o);
                }}
              >
                {o ? (
                  <>
                    <span role="gridcell" className={classes.mono}>
                      {o.number}
                    </span>
                    <span role="gridcell">{shortDateTime(o.createdAt)}</span>
                    <span role="gridcell" className={classes.ellipsis}>
                      {o.customerName || 'Walk-in'}
                    </span>
                    <span role="gridcell">{channelLabel(o.channel)}</span>
                    <span role="gridcell">
                      <Badge color={statusColor(o.status)} variant="light">
                        {statusLabel(o.status)}
                      </Badge>
                    </span>
                    <span role="gridcell">
                      <PaymentBadge status={o.paymentStatus} />
                    </span>
                    <span role="gridcell" className={classes.num}>
                      {money(o.total)}
                    </span>
                  </>
                ) : (
                  <span role="gridcell" className={classes.loading}>
                    Loading…
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </Stack>
  );
}

/** An order's payment status as a badge: Unpaid, Partly paid, Paid, Overpaid or Refunded. */
function PaymentBadge({ status }: { status: string }) {
  const { label, color } = paymentStatusBadge(status);
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}
