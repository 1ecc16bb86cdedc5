import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { catalogKeys } from './catalog';
import { call } from './errors';
import type { app } from './wails';
import { EventsOn, StockAPI, app as models } from './wails';

type Data<T> = Omit<T, 'convertValues'>;
export type Warehouse = Data<app.Warehouse>;
export type Bin = Data<app.Bin>;
export type StockLevel = Data<app.StockLevel>;
export type Movement = Data<app.Movement>;
export type Supplier = Data<app.Supplier>;
export type SupplierInput = Data<app.SupplierInput>;
export type PurchaseOrder = Data<app.PurchaseOrder>;
export type PurchaseOrderLine = Data<app.PurchaseOrderLine>;
export type PurchaseOrderInput = Data<app.PurchaseOrderInput>;
export type PurchaseOrderLineInput = Data<app.PurchaseOrderLineInput>;
export type ReceiveInput = Data<app.ReceiveInput>;
export type ReorderSuggestion = Data<app.ReorderSuggestion>;
export type TransferInput = Data<app.TransferInput>;
export type StockCount = Data<app.StockCount>;
export type CountLine = Data<app.CountLine>;
export type CountEntry = Data<app.CountEntry>;
export type LowStockLine = Data<app.LowStockLine>;
export type AdjustmentInput = Data<app.AdjustmentInput>;

/** The data of the backend's "stock:low" event, sent after every commit that moved stock. */
export interface LowStockEvent {
  /** Low-stock lines (product and warehouse) now. */
  count: number;
  /** The lines that operation just took below their reorder point; often empty. */
  newlyLow: LowStockLine[];
}

/** Query keys of stock; everything starts with "stock". */
export const stockKeys = {
  all: ['stock'] as const,
  warehouses: ['stock', 'warehouses'] as const,
  bins: (warehouseId: string) => ['stock', 'bins', warehouseId] as const,
  productStock: (productId: string) => ['stock', 'productStock', productId] as const,
  levels: (productId: string) => ['stock', 'levels', productId] as const,
  binLevels: (binId: string) => ['stock', 'binLevels', binId] as const,
  movements: (productId: string, limit: number) => ['stock', 'movements', productId, limit] as const,
  suppliers: ['stock', 'suppliers'] as const,
  purchaseOrders: (status: string) => ['stock', 'purchaseOrders', status] as const,
  purchaseOrder: (id: string) => ['stock', 'purchaseOrder', id] as const,
  reorder: (warehouseId: string) => ['stock', 'reorder', warehouseId] as const,
  counts: (status: string) => ['stock', 'counts', status] as const,
  count: (id: string) => ['stock', 'count', id] as const,
  lowCount: ['stock', 'lowCount'] as const,
  lowLines: ['stock', 'lowLines'] as const,
};

/** Re-reads stock when the backend says stock moved. */
export function useStockEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof window === 'undefined' || !window.runtime) return;
    return EventsOn('stock:changed', () => {
      void qc.invalidateQueries({ queryKey: stockKeys.all });
    });
  }, [qc]);
}

export function useWarehouses() {
  return useQuery({ queryKey: stockKeys.warehouses, queryFn: () => call(StockAPI.Warehouses) });
}

export function useBins(warehouseId: string | null | undefined) {
  return useQuery({
    queryKey: stockKeys.bins(warehouseId ?? ''),
    queryFn: () => call(() => StockAPI.Bins(warehouseId ?? '', false)),
    enabled: !!warehouseId,
  });
}

/** Every bin of every warehouse by id, for showing where stock is. */
export function useAllBins(): Map<string, Bin> {
  const warehouses = useWarehouses();
  const results = useQueries({
    queries: (warehouses.data ?? []).map((w) => ({
      queryKey: stockKeys.bins(w.id),
      queryFn: () => call(() => StockAPI.Bins(w.id, false)),
    })),
  });
  const map = new Map<string, Bin>();
  for (const r of results) for (const b of r.data ?? []) map.set(b.id, b);
  return map;
}

export function useProductStock(productId: string) {
  return useQuery({ queryKey: stockKeys.productStock(productId), queryFn: () => call(() => StockAPI.ProductStock(productId)) });
}

export function useProductLevels(productId: string) {
  return useQuery({
    queryKey: stockKeys.levels(productId),
    queryFn: () => call(() => StockAPI.Levels(models.LevelFilter.createFrom({ productId, warehouseId: '', binId: '', nonZero: true }))),
  });
}

export function useMovements(productId: string, limit = 100) {
  return useQuery({
    queryKey: stockKeys.movements(productId, limit),
    queryFn: () =>
      call(() =>
        StockAPI.Movements(
          models.MovementFilter.createFrom({ productId, warehouseId: '', binId: '', kind: '', refType: '', refId: '', limit, offset: 0 }),
        ),
      ),
  });
}

export function useSuppliers() {
  return useQuery({ queryKey: stockKeys.suppliers, queryFn: () => call(() => StockAPI.Suppliers(false)) });
}

export function usePurchaseOrders(status = '') {
  return useQuery({
    queryKey: stockKeys.purchaseOrders(status),
    queryFn: () => call(() => StockAPI.PurchaseOrders(models.PurchaseOrderFilter.createFrom({ status, supplierId: '', limit: 200, offset: 0 }))),
  });
}

export function usePurchaseOrder(id: string | null | undefined) {
  return useQuery({
    queryKey: stockKeys.purchaseOrder(id ?? ''),
    queryFn: () => call(() => StockAPI.PurchaseOrder(id ?? '')),
    enabled: !!id,
  });
}

export function useReorderSuggestions(warehouseId: string | null | undefined) {
  return useQuery({
    queryKey: stockKeys.reorder(warehouseId ?? ''),
    queryFn: () => call(() => StockAPI.ReorderSuggestions(warehouseId ?? '')),
    enabled: !!warehouseId,
  });
}

export function useCounts(status = '') {
  return useQuery({
    queryKey: stockKeys.counts(status),
    queryFn: () => call(() => StockAPI.Counts(models.CountFilter.createFrom({ warehouseId: '', status, limit: 200, offset: 0 }))),
  });
}

export function useCount(id: string | null | undefined) {
  return useQuery({ queryKey: stockKeys.count(id ?? ''), queryFn: () => call(() => StockAPI.Count(id ?? '')), enabled: !!id });
}

/** A stock change can move levels, movements, low-stock lists and products' positions alike. */
function useStockMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => call(() => fn(vars)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: stockKeys.all });
      await qc.invalidateQueries({ queryKey: catalogKeys.productPages });
    },
  });
}

export const useCreateWarehouse = () =>
  useStockMutation((input: { code: string; name: string }) => StockAPI.CreateWarehouse(models.WarehouseInput.createFrom(input)));

export const useCreateBin = () =>
  useStockMutation(({ warehouseId, code }: { warehouseId: string; code: string }) => StockAPI.CreateBin(warehouseId, code));

export const useSetBinActive = () =>
  useStockMutation(({ id, active }: { id: string; active: boolean }) => StockAPI.SetBinActive(id, active));

export const useCreateSupplier = () =>
  useStockMutation((input: SupplierInput) => StockAPI.CreateSupplier(models.SupplierInput.createFrom(input)));

export const useUpdateSupplier = () =>
  useStockMutation(({ id, input }: { id: string; input: SupplierInput }) =>
    StockAPI.UpdateSupplier(id, models.SupplierInput.createFrom(input)),
  );

export const useCreatePurchaseOrder = () =>
  useStockMutation((input: PurchaseOrderInput) => StockAPI.CreatePurchaseOrder(models.PurchaseOrderInput.createFrom(input)));

export const useSendPurchaseOrder = () => useStockMutation((id: string) => StockAPI.SendPurchaseOrder(id));
export const useCancelPurchaseOrder = () => useStockMutation((id: string) => StockAPI.CancelPurchaseOrder(id));

export const useReceivePurchaseOrder = () =>
  useStockMutation(({ id, input }: { id: string; input: ReceiveInput }) =>
    StockAPI.ReceivePurchaseOrder(id, models.ReceiveInput.createFrom(input)),
  );

export const useCreateReorderPO = () =>
  useStockMutation((input: { supplierId: string; warehouseId: string; productIds: string[] }) =>
    StockAPI.CreateReorderPO(models.ReorderInput.createFrom(input)),
  );

export const useTransfer = () => useStockMutation((input: TransferInput) => StockAPI.Transfer(models.TransferInput.createFrom(input)));

export const useOpenCount = () =>
  useStockMutation((input: { warehouseId: string; binIds: string[]; reason: string }) =>
    StockAPI.OpenCount(models.CountInput.createFrom(input)),
  );

export const useRecordCount = () =>
  useStockMutation(({ countId, entry }: { countId: string; entry: CountEntry }) =>
    StockAPI.RecordCount(countId, models.CountEntry.createFrom(entry)),
  );

export const usePostCount = () =>
  useStockMutation(({ countId, reason }: { countId: string; reason: string }) => StockAPI.PostCount(countId, reason));

export const useCancelCount = () => useStockMutation((countId: string) => StockAPI.CancelCount(countId));

export const useAdjust = () => useStockMutation((input: AdjustmentInput) => StockAPI.Adjust(models.AdjustmentInput.createFrom(input)));

/** How many low-stock lines there are; kept current by useLowStockEvents. */
export function useLowStockCount(enabled = true) {
  return useQuery({ queryKey: stockKeys.lowCount, queryFn: () => call(StockAPI.LowStockCount), enabled });
}

/** Every product below its reorder point in a warehouse, by SKU and warehouse. */
export function useLowStockLines() {
  return useQuery({ queryKey: stockKeys.lowLines, queryFn: () => call(StockAPI.LowStockLines) });
}

/**
 * Follows "stock:low": stores the new count, re-reads the low-stock list and
 * hands the event to onEvent (which decides whether to notify).
 */
export function useLowStockEvents(enabled: boolean, onEvent: (e: LowStockEvent) => void): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof window === 'undefined' || !window.runtime) return;
    return EventsOn('stock:low', (e: LowStockEvent) => {
      qc.setQueryData(stockKeys.lowCount, e.count);
      void qc.invalidateQueries({ queryKey: stockKeys.lowLines });
      onEvent(e);
    });
  }, [qc, enabled, onEvent]);
}

/** What lies in one bin: one level per product, without empty places. */
export function useBinLevels(binId: string | null | undefined) {
  return useQuery({
    queryKey: stockKeys.binLevels(binId ?? ''),
    queryFn: () => call(() => StockAPI.Levels(models.LevelFilter.createFrom({ productId: '', warehouseId: '', binId: binId ?? '', nonZero: true }))),
    enabled: !!binId,
  });
}

export const useUpdatePurchaseOrder = () =>
  useStockMutation(({ id, notes, lines }: { id: string; notes: string; lines: PurchaseOrderLineInput[] }) =>
    StockAPI.UpdatePurchaseOrder(
      id,
      notes,
      lines.map((l) => models.PurchaseOrderLineInput.createFrom(l)),
    ),
  );
