import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Alert, Badge, Box, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link } from 'react-router';
import type { CustomerView } from '../api/customers';
import classes from './CustomerList.module.css';

const ROW_HEIGHT = 44;

interface Props {
  items: readonly CustomerView[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  onLoadMore: () => void;
  /** Set by the search box when ArrowDown asks for the first row. */
  focusFirst: number;
}

/**
 * The customer list: only the rows in view are in the page, so 100,000
 * customers scroll like 100. Rows past those fetched ask for the next page.
 * Arrow keys move between rows, Enter opens one.
 */
export function CustomerList({ items, total, hasMore, loadingMore, error, onLoadMore, focusFirst }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = hasMore ? items.length + 1 : items.length;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render, as documented
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.length > 0 ? virtualItems[virtualItems.length - 1].index : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 1) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onLoadMore]);

  const focusRow = (index: number) => {
    if (index < 0 || index >= items.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-row="${index}"] a`)?.focus({ preventScroll: true }),
    );
  };

  useEffect(() => {
    if (focusFirst > 0) focusRow(0);
    // Only a new request from the search box moves the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusFirst]);

  const onRowKey = (index: number) => (e: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      focusRow(Math.max(0, Math.min(items.length - 1, index + step)));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusRow(e.key === 'Home' ? 0 : items.length - 1);
    }
  };

  if (error) {
    return (
      <Alert color="red" title="Customers could not be loaded" role="alert">
        {error}
      </Alert>
    );
  }

  return (
    <div role="table" aria-label="Customers" aria-rowcount={total + 1} className={classes.table}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.header}`}>
          <span role="columnheader">Name</span>
          <span role="columnheader">Code</span>
          <span role="columnheader">Company</span>
          <span role="columnheader">Email</span>
          <span role="columnheader">Phone</span>
        </div>
      </div>
      <div ref={scrollRef} className={classes.scroll} role="rowgroup">
        {count === 0 ? (
          <div role="row">
            <Text component="span" role="cell" c="dimmed" p="md" display="block">
              No customers found.
            </Text>
          </div>
        ) : (
          <Box style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const c = items[v.index];
              return (
                <div
                  key={v.key}
                  role="row"
                  aria-rowindex={v.index + 2}
                  data-row={v.index}
                  className={classes.row}
                  style={{ height: v.size, transform: `translateY(${v.start}px)` }}
                >
                  {c ? (
                    <>
                      <span role="cell" className={classes.name}>
                        <Link to={`/customers/${c.id}`} onKeyDown={onRowKey(v.index)} className={classes.link}>
                          {c.name}
                        </Link>
                        {!c.active && (
                          <Badge size="xs" color="gray" ml="xs" variant="light">
                            {c.erased ? 'Erased' : 'Archived'}
                          </Badge>
                        )}
                      </span>
                      <span role="cell">{c.code}</span>
                      <span role="cell">{c.company}</span>
                      <span role="cell">{c.email}</span>
                      <span role="cell">{c.phone}</span>
                    </>
                  ) : (
                    <span role="cell">
                      <Loader size="xs" aria-label="Loading more customers" />
                    </span>
                  )}
                </div>
              );
            })}
          </Box>
        )}
      </div>
    </div>
  );
}
