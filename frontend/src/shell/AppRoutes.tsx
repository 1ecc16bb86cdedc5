import { useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { SessionInfo } from '../api/types';
import { AdminPage } from '../admin/AdminPage';
import { AuditLogPage } from '../admin/AuditLogPage';
import { JobsPage } from '../admin/jobs/JobsPage';
import { SyncPage } from '../admin/sync/SyncPage';
import { UsersPage } from '../admin/UsersPage';
import { CarrierPage } from '../shipping/CarrierPage';
import { CarriersPage } from '../shipping/CarriersPage';
import { DrawerPage } from '../cash/DrawerPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { CounterPage } from '../counter/CounterPage';
import { CustomerPage } from '../customers/CustomerPage';
import { CustomersPage } from '../customers/CustomersPage';
import { OrdersArea } from '../orders/OrdersArea';
import { ReportsPage } from '../reports/ReportsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { StockArea } from '../stock/StockArea';
import { WarehouseArea } from '../warehouse/WarehouseArea';
import { AppLayout } from './AppLayout';
import { landingPath, visibleAreas } from './nav';
import { hasPermission } from './permissions';

/** Routes exist only for the areas this user may use; anything else leads to their landing area. */
export function AppRoutes({ session }: { session: SessionInfo }) {
  const areas = useMemo(() => visibleAreas(session.permissions), [session.permissions]);
  const can = (key: string) => areas.some((a) => a.key === key && a.available);
  const landing = landingPath(session.permissions);

  return (
    <Routes>
      <Route element={<AppLayout session={session} areas={areas} />}>
        <Route index element={<Navigate to={landing} replace />} />
        {can('dashboard') && <Route path="dashboard" element={<DashboardPage />} />}
        {can('counter') && <Route path="counter" element={<CounterPage session={session} />} />}
        {can('counter') && <Route path="counter/drawer" element={<DrawerPage />} />}
        {can('orders') && <Route path="orders/*" element={<OrdersArea session={session} />} />}
        {can('customers') && (
          <Route path="customers">
            <Route index element={<CustomersPage />} />
            <Route path=":id" element={<CustomerPage session={session} />} />
          </Route>
        )}
        {can('stock') && <Route path="stock/*" element={<StockArea session={session} />} />}
        {can('warehouse') && <Route path="warehouse/*" element={<WarehouseArea session={session} />} />}
        {can('reports') && <Route path="reports" element={<ReportsPage />} />}
        {can('admin') && (
          <Route path="admin" element={<AdminPage />}>
            <Route index element={<Navigate to="users" replace />} />
            <Route path="users" element={<UsersPage currentUserId={session.user.id} />} />
            <Route path="shipping" element={<CarriersPage />} />
            <Route path="shipping/:carrierId" element={<CarrierPage />} />
            <Route path="jobs" element={<JobsPage />} />
            {hasPermission(session.permissions, 'settings.company') && <Route path="sync" element={<SyncPage />} />}
            <Route path="audit" element={<AuditLogPage />} />
          </Route>
        )}
        <Route path="settings" element={<SettingsPage session={session} />} />
        <Route path="*" element={<Navigate to={landing} replace />} />
      </Route>
    </Routes>
  );
}
