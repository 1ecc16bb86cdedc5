import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { Link, Navigate, Route, Routes, useNavigate } from 'react-router';
import { useStockEvents } from '../api/stock';
import type { SessionInfo } from '../api/types';
import { PageTitle } from '../shell/PageTitle';
import { hasPermission } from '../shell/permissions';
import { ProductEditor } from './ProductEditor';
import { ProductList } from './ProductList';
import { ProductPage } from './ProductPage';
import { LowStockPage } from './lowstock/LowStockPage';
import { useStockScanner } from './scanner/useStockScanner';
import { PricingPage } from './pricing/PricingPage';

/** The Stock area: the product list and each product's page. */
export function StockArea({ session }: { session: SessionInfo }) {
  useStockEvents();
  useStockScanner();
  const canAdjust = hasPermission(session.permissions, 'warehouse.use');
  const canManage = hasPermission(session.permissions, 'stock.manage');
  return (
    <Routes>
      <Route index element={<ProductsScreen canManage={canManage} />} />
      <Route path="products/:id" element={<ProductPage canManage={canManage} canAdjust={canAdjust} />} />
      <Route path="low" element={<LowStockPage canManage={canManage} />} />
      <Route path="pricing" element={<PricingPage canManage={canManage} />} />
      <Route path="*" element={<Navigate to="/stock" replace />} />
    </Routes>
  );
}

function ProductsScreen({ canManage }: { canManage: boolean }) {
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle focus={false}>Stock</PageTitle>
        <Group gap="xs">
          <Button component={Link} to="/stock/low" variant="default">
            Low stock
          </Button>
          <Button component={Link} to="/stock/pricing" variant="default">
            Pricing
          </Button>
        </Group>
      </Group>
      <ProductList canManage={canManage} onNew={() => setCreating(true)} />
      {canManage && (
        <ProductEditor opened={creating} onClose={() => setCreating(false)} onSaved={(p) => void navigate(`/stock/products/${p.id}`)} />
      )}
    </Stack>
  );
}
