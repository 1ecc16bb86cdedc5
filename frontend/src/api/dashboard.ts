import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from './errors';
import type { app } from './wails';
import { DashboardAPI, EventsOn } from './wails';

// Plain data views of the generated dashboard models.
type Data<T> = Omit<T, 'convertValues'>;
export type DashboardSales = Data<app.DashboardSales>;
export type DashboardDay = Data<app.DashboardDay>;
export type DashboardStatusCount = Data<app.DashboardStatusCount>;
export type DashboardProductSales = Data<app.DashboardProductSales>;
export type DashboardExceptions = Omit<
  Data<app.DashboardExceptions>,
  'pendingRefunds' | 'backorders' | 'shipmentExceptions' | 'negativeStock'
> & {
  pendingRefunds: Data<app.DashboardPendingRefund>[];
  backorders: Data<app.DashboardBackorder>[];
  shipmentExceptions: Data<app.DashboardShipmentException>[];
  negativeStock: Data<app.DashboardNegativeStock>[];
};
export type DashboardView = Omit<
  Data<app.DashboardView>,
  'today' | 'month' | 'daily' | 'byStatus' | 'topByQuantity' | 'topByRevenue' | 'exceptions'
> & {
  today: DashboardSales;
  month: DashboardSales;
  daily: DashboardDay[];
  byStatus: DashboardStatusCount[];
  topByQuantity: DashboardProductSales[];
  topByRevenue: DashboardProductSales[];
  exceptions: DashboardExceptions;
};

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: (warehouseId: string) => ['dashboard', 'summary', warehouseId] as const,
};

/** The dashboard for one warehouse ("" for all), read again every minute so "today" moves on past midnight. */
export function useDashboard(warehouseId = '') {
  return useQuery({
    queryKey: dashboardKeys.summary(warehouseId),
    queryFn: () => call(() => DashboardAPI.Summary(warehouseId)) as Promise<DashboardView>,
    refetchInterval: 60_000,
  });
}

/** Re-reads the dashboard when orders, payments or stock change in the backend. */
export function useDashboardEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof window === 'undefined' || !window.runtime) return;
    const refetch = () => void qc.invalidateQueries({ queryKey: dashboardKeys.all });
    const offs = ['orders:changed', 'stock:changed', 'payments:changed'].map((name) => EventsOn(name, refetch));
    return () => offs.forEach((off) => off());
  }, [qc]);
}
