import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Stack } from '@mantine/core';
import { Link, NavLink, Navigate, Route, Routes, useNavigate } from 'react-router';
import { useOrderEvents } from '../api/orders';
import { useStockEvents } from '../api/stock';
import { useOpenExceptions } from '../api/sync';
import type { SessionInfo } from '../api/types';
import { PageTitle } from '../shell/PageTitle';
import { hasPermission } from '../shell/permissions';
import { BackordersPage } from './BackordersPage';
import { ExceptionsPage } from './exceptions/ExceptionsPage';
import { NewOrderDialog } from './OrderDetailsDialog';
import { OrderPage } from './OrderPage';
import { OrdersList } from './OrdersList';

/** The Orders area: the list of all orders, one order's page, the backorders and (for managers) the sync exceptions. */
export function OrdersArea({ session }: { session: SessionInfo }) {
  useOrderEvents();
  useStockEvents();
  const canCounter = hasPermission(session.permissions, 'counter.use');
  const canCreate = hasPermission(session.permissions, 'orders.create');
  const canManage = hasPermission(session.permissions, 'orders.manage');
  const nav = { canCounter, canCreate, canManage };
  return (
    <Routes>
      <Route
        index
        element={
          <Screen title="Orders" focusTitle={false} {...nav}>
            <OrdersList />
          </Screen>
        }
      />
      <Route
        path="backorders"
        element={
          <Screen title="Backorders" {...nav}>
            <BackordersPage canAllocate={hasPermission(session.permissions, 'warehouse.use')} />
          </Screen>
        }
      />
      {canManage && (
        <Route
          path="exceptions"
          element={
            <Screen title="Sync exceptions" {...nav}>
              <ExceptionsPage />
            </Screen>
          }
        />
      )}
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
  canManage,
  children,
}: {
  title: string;
  focusTitle?: boolean;
  canCounter: boolean;
  canCreate: boolean;
  canManage: boolean;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const open = useOpenExceptions(canManage);
  const openCount = open.data ?? 0;
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
          {canManage && (
            <Button
              component={NavLink}
              to="/orders/exceptions"
              variant={title === 'Sync exceptions' ? 'light' : 'default'}
              rightSection={
                openCount > 0 ? (
                  <Badge color="red" size="sm" circle aria-label={`${openCount} open`}>
                    {openCount}
                  </Badge>
                ) : undefined
              }
            >
              Sync exceptions
            </Button>
          )}
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
