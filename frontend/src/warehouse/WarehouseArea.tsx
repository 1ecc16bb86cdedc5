import { Alert, Stack, Tabs } from '@mantine/core';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useStockEvents } from '../api/stock';
import type { SessionInfo } from '../api/types';
import { PageTitle } from '../shell/PageTitle';
import { hasPermission } from '../shell/permissions';
import { BinsPage } from './BinsPage';
import { CountScreen, CountsPage } from './CountsPage';
import { PackingPage } from './PackingPage';
import { PickingPage } from './PickingPage';
import { PickScreen } from './PickScreen';
import { PurchaseOrderScreen } from './PurchaseOrderScreen';
import { PurchaseOrdersPage } from './PurchaseOrdersPage';
import { ReceivingPage } from './ReceivingPage';
import { ShipmentsPage } from '../shipping/ShipmentsPage';
import { SetupPage } from './SetupPage';
import { SuppliersPage } from './SuppliersPage';
import { TransfersPage } from './TransfersPage';

const TABS = [
  { value: 'receiving', label: 'Receiving' },
  { value: 'picking', label: 'Picking' },
  { value: 'packing', label: 'Packing' },
  { value: 'shipments', label: 'Shipments' },
  { value: 'counts', label: 'Counts' },
  { value: 'transfers', label: 'Transfers' },
  { value: 'bins', label: 'Bins' },
  { value: 'purchase-orders', label: 'Purchase orders' },
  { value: 'suppliers', label: 'Suppliers' },
  { value: 'setup', label: 'Warehouses' },
];

/** The Warehouse area: receiving, the picking queue and pick screen, the pack station, counts, transfers, stock by bin, purchase orders, suppliers and setup, one tab each. */
export function WarehouseArea({ session }: { session: SessionInfo }) {
  useStockEvents();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const canManage = hasPermission(session.permissions, 'stock.manage');
  const canUse = hasPermission(session.permissions, 'warehouse.use');
  const current = TABS.find((t) => pathname.startsWith(`/warehouse/${t.value}`))?.value ?? 'receiving';
  return (
    <Stack>
      <PageTitle focus={false}>Warehouse</PageTitle>
      <Tabs value={current} keepMounted={false} onChange={(v) => v && void navigate(`/warehouse/${v}`)}>
        <Tabs.List aria-label="Warehouse sections">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<Navigate to="receiving" replace />} />
        <Route path="receiving" element={<ReceivingPage />} />
        <Route path="picking" element={<PickingPage canPick={canUse} />} />
        <Route path="picking/pick" element={canUse ? <PickScreen /> : <Navigate to="/warehouse/picking" replace />} />
        <Route path="packing" element={canUse ? <PackingPage /> : <NoPermission />} />
        <Route path="shipments" element={<ShipmentsPage canUpdate={canUse} />} />
        <Route path="counts" element={<CountsPage />} />
        <Route path="counts/:id" element={<CountScreen />} />
        <Route path="transfers" element={<TransfersPage />} />
        <Route path="bins" element={<BinsPage />} />
        <Route path="purchase-orders" element={<PurchaseOrdersPage canManage={canManage} />} />
        <Route path="purchase-orders/:id" element={<PurchaseOrderScreen canManage={canManage} />} />
        <Route path="suppliers" element={<SuppliersPage canManage={canManage} />} />
        <Route path="setup" element={<SetupPage canManage={canManage} />} />
        <Route path="*" element={<Navigate to="/warehouse/receiving" replace />} />
      </Routes>
    </Stack>
  );
}

function NoPermission() {
  return <Alert color="yellow">Packing needs the warehouse permission; ask an administrator.</Alert>;
}
