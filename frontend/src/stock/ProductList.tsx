import { useRef, useState, type KeyboardEvent, type CSSProperties } from 'react';
import { Badge, Button, Group, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useNavigate } from 'react-router';
import {
  catalogKeys,
  fetchProductPage,
  productByBarcode,
  useCompanyCurrency,
  type Product,
  type ProductPage,
} from '../api/catalog';
import { formatMinor } from './money';
import { pagesFor, rowCountFor, totalText } from './listPaging';
import classes from '../shell/VirtualGrid.module.css';

const PAGE_SIZE = 100;
const ROW_HEIGHT = 40;

interface Props {
  canManage: boolean;
  onNew: () => void;
}

/**
 * Every product in one virtualized grid: only the visible rows are in the DOM,
 * and their pages of 100 are fetched as the user scrolls, so 300k rows scroll
 * smoothly. Typing searches; a barcode or SKU typed (or scanned) with Enter
 * opens that product.
 */
export function ProductList({ canManage, onNew }: Props) {
  const navigate = useNavigate();
  const currency = useCompanyCurrency();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [status, setStatus] = useState<'active' | 'all'>('active');
  const [lowStock, setLowStock] = useState(false);
  const [active, setActive] = useState(0);
  const [notFound, setNotFound] = useState('');
  const gridRef = useRef<HTMLDivElement>(null);

  const filter = { query: debounced, activeOnly: status === 'active', lowStock };
  const fetchPage = (page: number) => () =>
    fetchProductPage({ ...filter, limit: PAGE_SIZE, offset: page * PAGE_SIZE });

  const first = useQuery({
    queryKey: catalogKeys.productPage(filter, 0, PAGE_SIZE),
    queryFn: fetchPage(0),
    placeholderData: (prev) => prev,
  });
  const total = first.data?.total ?? 0;
  const rowCount = rowCountFor(total, debounced !== '' && !lowStock);

  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const pages = pagesFor(virtualRows.map((r) => r.index), PAGE_SIZE);
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: catalogKeys.productPage(filter, page, PAGE_SIZE),
      queryFn: fetchPage(page),
      staleTime: 30_000,
    })),
  });
  const byPage = new Map<number, ProductPage>();
  pages.forEach((page, i) => {
    const data = results[i]?.data;
    if (data) byPage.set(page, data);
  });
  const rowAt = (i: number): Product | undefined => byPage.get(Math.floor(i / PAGE_SIZE))?.items[i % PAGE_SIZE];

  const open = (p: Product | undefined) => {
    if (p) void navigate(`/stock/products/${p.id}`);
  };

  const onSearchKey = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && rowCount > 0) {
      e.preventDefault();
      gridRef.current?.focus();
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const text = query.trim();
    setNotFound('');
    if (!text) return;
    // A scanner types the barcode and Enter: go straight to its product.
    const scanned = await productByBarcode(text);
    if (scanned) return open(scanned);
    const page = await fetchProductPage({ query: text, activeOnly: false, lowStock: false, limit: 2, offset: 0 });
    const exact = page.items.find((p) => p.sku.toLowerCase() === text.toLowerCase());
    if (exact || page.total === 1) return open(exact ?? page.items[0]);
    if (page.total === 0) setNotFound(`No product has the barcode or SKU “${text}”.`);
    else gridRef.current?.focus();
  };

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rowCount - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const visible = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => (active === 0 ? document.getElementById('product-search')?.focus() : move(active - 1)),
      PageDown: () => move(active + visible),
      PageUp: () => move(active - visible),
      Home: () => move(0),
      End: () => move(rowCount - 1),
      Enter: () => open(rowAt(active)),
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          id="product-search"
          label="Search products"
          description="Name, SKU or barcode; scan a barcode to open its product"
          placeholder="Type or scan…"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setNotFound('');
            setActive(0);
          }}
          onKeyDown={(e) => void onSearchKey(e)}
          autoFocus
          autoComplete="off"
          style={{ flex: 1, minWidth: 260 }}
          error={notFound || undefined}
        />
        <SegmentedControl
          aria-label="Show products"
          value={status}
          onChange={(v) => setStatus(v as 'active' | 'all')}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'all', label: 'Active and archived' },
          ]}
        />
        <Switch label="Low stock only" checked={lowStock} onChange={(e) => setLowStock(e.currentTarget.checked)} />
        {canManage && <Button onClick={onNew}>New product</Button>}
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {first.isPending ? 'Loading products…' : totalText(total, debounced !== '' && !lowStock)}
      </Text>
      <div
        ref={gridRef}
        className={classes.grid}
        style={{ '--grid-columns': '10rem minmax(12rem, 1fr) 10rem 4rem 7rem 6rem', '--grid-offset': '300px' } as CSSProperties}
        role="grid"
        aria-label="Products"
        aria-rowcount={rowCount + 1}
        aria-activedescendant={rowCount > 0 ? `product-row-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onGridKey}
      >
        <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.header}`}>
          <span role="columnheader">SKU</span>
          <span role="columnheader">Name</span>
          <span role="columnheader">Barcode</span>
          <span role="columnheader">Unit</span>
          <span role="columnheader" className={classes.num}>
            Price
          </span>
          <span role="columnheader">Status</span>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((vr) => {
            const p = rowAt(vr.index);
            return (
              <div
                key={vr.key}
                id={`product-row-${vr.index}`}
                role="row"
                aria-rowindex={vr.index + 2}
                aria-selected={vr.index === active}
                className={classes.row}
                data-active={vr.index === active || undefined}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${vr.start}px)` }}
                onClick={() => {
                  setActive(vr.index);
                  open(p);
                }}
              >
                {p ? (
                  <>
                    <span role="gridcell" className={classes.mono}>
                      {p.sku}
                    </span>
                    <span role="gridcell" className={classes.ellipsis}>
                      {p.name}
                    </span>
                    <span role="gridcell" className={classes.mono}>
                      {p.barcodes[0]?.value ?? ''}
                    </span>
                    <span role="gridcell">{p.unit}</span>
                    <span role="gridcell" className={classes.num}>
                      {formatMinor(p.price, currency.minorUnits)}
                    </span>
                    <span role="gridcell">
                      {p.active ? (
                        'Active'
                      ) : (
                        <Badge color="gray" variant="light">
                          Archived
                        </Badge>
                      )}
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
