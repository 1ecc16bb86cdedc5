import { useState, type ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { Link, NavLink, Navigate, Route, Routes, useNavigate } from 'react-router';
import { useOrderEvents } from '../api/orders';
import { useStockEvents } from '../api/stock';
import type { SessionInfo } from '../api/types';
import { PageTitle } from '../shell/PageTitle';
import { hasPermission } from '../shell/permissions';
import { BackordersPage } from './BackordersPage';
import { NewOrderDialog } from './OrderDetailsDialog';
import { OrderPage } from './OrderPage';
import { OrdersList } from './OrdersList';

/** The Orders area: the list of all orders, one order's page, and the backorders. */
export function OrdersArea({ session }: { session: SessionInfo }) {
  useOrderEvents();
  useStockEvents();
  const canCounter = hasPermission(session.permissions, 'counter.use');
  const canCreate = hasPermission(session.permissions, 'orders.create');
  return (
    <Routes>
      <Route
        index
        element={
          <Screen title="Orders" focusTitle={false} canCounter={canCounter} canCreate={canCreate}>
            <OrdersList />
          </Screen>
        }
      />
      <Route
        path="backorders"
        element={
          <Screen title="Backorders" canCounter={canCounter} canCreate={canCreate}>
            <BackordersPage canAllocate={hasPermission(session.permissions, 'warehouse.use')} />
          </Screen>
        }
      />
      <Route path=":id" element={<OrderPage session={session} />} />
      <Route path="*" element={<Navigate to="/orders" replace />} />
    </Routes>
  );
}

function Screen({
  title,
  focusTitle = true,
  canCounter,
  canCreate,
  children,
}: {
  title: string;
  focusTitle?: boolean;
  canCounter: boolean;
  canCreate: boolean;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <PageTitle focus={focusTitle}>{title}</PageTitle>
        <Group gap="xs" component="nav" aria-label="Orders views">
          <Button component={NavLink} to="/orders" end variant={title === 'Orders' ? 'light' : 'default'}>
            All orders
          </Button>
          <Button component={NavLink} to="/orders/backorders" variant={title === 'Backorders' ? 'light' : 'default'}>
            Backorders
          </Button>
          {canCounter && (
            <Button component={Link} to="/counter" variant="default">
              Counter
            </Button>
          )}
          {canCreate && <Button onClick={() => setCreating(true)}>New order</Button>}
        </Group>
      </Group>
      <NewOrderDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(o) => {
          setCreating(false);
          void navigate(`/orders/${o.id}`);
        }}
      />
      {children}
    </Stack>
  );
}
