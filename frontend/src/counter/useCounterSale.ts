import { useCallback, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call, toApiError } from '../api/errors';
import { fetchOrder, fieldsOf, newer, orderKeys, storeOrder, useOrder, type Order, type OrderFields } from '../api/orders';
import { stockKeys } from '../api/stock';
import { OrdersAPI, app as models } from '../api/wails';
import { createScanQueue } from '../warehouse/scan';

const SALE_KEY = 'oms.counter.orderId';

function storedSale(): string | null {
  try {
    return localStorage.getItem(SALE_KEY);
  } catch {
    return null;
  }
}

function storeSale(id: string | null): void {
  try {
    if (id) localStorage.setItem(SALE_KEY, id);
    else localStorage.removeItem(SALE_KEY);
  } catch {
    // Without storage an unfinished sale is simply not resumed.
  }
}

/** What the counter tells the clerk after an action. */
export type CounterMessage =
  | { kind: 'ok'; text: string; big?: string }
  | { kind: 'error'; title: string; text: string }
  | { kind: 'warning'; title: string; text: string };

/** A sale still open at the counter: a draft, or a confirmed sale not yet handed over. */
export function isOpenSale(o: Order | null | undefined): o is Order {
  return !!o && (o.status === 'draft' || o.status === 'confirmed');
}

export interface ActionError {
  /** The backend's error code and the field it concerns ("" when none). */
  code: string;
  field: string;
  /** The message to show. */
  message: CounterMessage;
  /** True when the sale was reloaded because someone else changed it. */
  reloaded: boolean;
}

/**
 * The sale at the counter. Every change runs through one queue, in the order
 * the clerk made it, each with the version the one before returned, so a fast
 * scanner never trips over its own edits. The open sale's id is kept in
 * localStorage, so leaving the screen or restarting resumes it.
 */
export function useCounterSale(warehouseId: string | null) {
  const qc = useQueryClient();
  const [orderId, setOrderIdState] = useState<string | null>(storedSale);
  const idRef = useRef(orderId);
  const latest = useRef<Order | null>(null);
  const [local, setLocal] = useState<Order | null>(null);
  const [pending, setPending] = useState(0);
  const queue = useMemo(() => createScanQueue(), []);
  const query = useOrder(orderId);

  const setOrderId = useCallback((id: string | null) => {
    idRef.current = id;
    setOrderIdState(id);
    storeSale(id);
  }, []);

  const fromCache = query.data && query.data.id === orderId ? query.data : null;
  const current = newer(fromCache, local && local.id === orderId ? local : null);
  const sale = isOpenSale(current) ? current : null;

  const apply = useCallback(
    (o: Order) => {
      latest.current = o;
      setLocal(o);
      storeOrder(qc, o);
      void qc.invalidateQueries({ queryKey: orderKeys.pages });
      if (o.status !== 'draft') void qc.invalidateQueries({ queryKey: stockKeys.all });
    },
    [qc],
  );

  /** The open sale as the queue sees it now (the newest of cache and last answer). */
  const now = useCallback((): Order | null => {
    const id = idRef.current;
    if (!id) return null;
    const cached = qc.getQueryData<Order>(orderKeys.one(id)) ?? null;
    const o = newer(cached, latest.current && latest.current.id === id ? latest.current : null);
    return isOpenSale(o) ? o : null;
  }, [qc]);

  const ensureDraft = useCallback(
    async (customerId = ''): Promise<Order> => {
      const o = now();
      if (o) return o;
      if (!warehouseId) throw new Error('Choose the warehouse this counter sells from first.');
      const created = await call(() =>
        OrdersAPI.NewOrder(models.NewOrderRequest.createFrom({ customerId, channel: 'counter', warehouseId, notes: '' })),
      );
      setOrderId(created.id);
      apply(created);
      return created;
    },
    [now, warehouseId, setOrderId, apply],
  );

  /** Reloads the sale after someone else changed it; returns the explanation to show. */
  const reload = useCallback(async (): Promise<void> => {
    const id = idRef.current;
    if (!id) return;
    try {
      const fresh = await fetchOrder(id);
      apply(fresh);
    } catch {
      await qc.invalidateQueries({ queryKey: orderKeys.one(id) });
    }
  }, [apply, qc]);

  /**
   * Queues a change of the sale. `task` gets the sale (created first when
   * `create` is set) and returns the changed order. Resolves to null on
   * success, else what to tell the clerk.
   */
  const run = useCallback(
    (task: (o: Order | null) => Promise<Order | null>, create: boolean): Promise<ActionError | null> => {
      setPending((n) => n + 1);
      let result: ActionError | null = null;
      return queue(async () => {
        try {
          const o = create ? await ensureDraft() : now();
          const changed = await task(o);
          if (changed) apply(changed);
        } catch (e) {
          const err = toApiError(e);
          if (err.code === 'ECONFLICT' && (err.field === 'version' || err.field === 'status')) {
            await reload();
            result = {
              code: err.code,
              field: err.field,
              reloaded: true,
              message: {
                kind: 'warning',
                title: 'This sale was changed elsewhere',
                text: `${err.message} The sale has been reloaded: check it and try again.`,
              },
            };
          } else {
            result = { code: err.code, field: err.field, reloaded: false, message: { kind: 'error', title: 'Not done', text: err.message } };
          }
        } finally {
          setPending((n) => n - 1);
        }
      }).then(() => result);
    },
    [queue, ensureDraft, now, apply, reload],
  );

  const scan = (code: string, quantity: number) =>
    run((o) => call(() => OrdersAPI.Scan(o!.id, o!.version, code, quantity)), true);

  const updateLine = (lineId: string, quantity: number, discountBps: number, discountAmount: number) =>
    run((o) => (o ? call(() => OrdersAPI.UpdateLine(lineId, o.version, models.LineFields.createFrom({ quantity, discountBps, discountAmount }))) : Promise.resolve(null)), false);

  const removeLine = (lineId: string) =>
    run((o) => (o ? call(() => OrdersAPI.RemoveLine(lineId, o.version)) : Promise.resolve(null)), false);

  const updateHeader = (changes: Partial<OrderFields>) =>
    run((o) => call(() => OrdersAPI.UpdateOrder(o!.id, o!.version, models.OrderFields.createFrom(fieldsOf(o!, changes)))), true);

  /** Picks the customer: a new sale starts with them, an open one is changed. */
  const setCustomer = (customerId: string) =>
    run(async (o) => {
      if (!o) {
        await ensureDraft(customerId);
        return null;
      }
      if (o.customerId === customerId) return null;
      return call(() => OrdersAPI.UpdateOrder(o.id, o.version, models.OrderFields.createFrom(fieldsOf(o, { customerId }))));
    }, false);

  /** Confirm then hand over: the sale is delivered. Resolves to the finished order or what went wrong. */
  const finish = async (): Promise<{ done: Order } | { error: ActionError }> => {
    const box: { done: Order | null } = { done: null };
    const error = await run(async (o) => {
      if (!o) throw new Error('Scan an item first: there is no sale to finish.');
      if (o.lines.length === 0) throw new Error('Scan an item first: the sale has no lines.');
      let cur = o;
      if (cur.status === 'draft') {
        cur = await call(() => OrdersAPI.Confirm(o.id, o.version));
        apply(cur);
      }
      box.done = await call(() => OrdersAPI.HandOver(cur.id));
      return box.done;
    }, false);
    const done = box.done;
    if (error || !done) return { error: error ?? { code: 'EINTERNAL', field: '', reloaded: false, message: { kind: 'error', title: 'Not done', text: 'The sale was not finished.' } } };
    latest.current = null;
    setLocal(null);
    setOrderId(null);
    return { done };
  };

  /** Deletes the open draft (after the clerk confirmed) and starts afresh. */
  const clear = async (): Promise<ActionError | null> => {
    const error = await run(async (o) => {
      if (o) await call(() => OrdersAPI.DeleteDraft(o.id, o.version));
      return null;
    }, false);
    if (!error) {
      const id = idRef.current;
      latest.current = null;
      setLocal(null);
      setOrderId(null);
      if (id) qc.removeQueries({ queryKey: orderKeys.one(id) });
    }
    return error;
  };

  return {
    sale,
    loading: !!orderId && query.isPending,
    busy: pending > 0,
    scan,
    updateLine,
    removeLine,
    updateHeader,
    setCustomer,
    finish,
    clear,
  };
}
