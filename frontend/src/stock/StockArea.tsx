import { useState } from 'react';
import { Stack } from '@mantine/core';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { useStockEvents } from '../api/stock';
import type { SessionInfo } from '../api/types';
import { PageTitle } from '../shell/PageTitle';
import { hasPermission } from '../shell/permissions';
import { ProductEditor } from './ProductEditor';
import { ProductList } from './ProductList';
import { ProductPage } from './ProductPage';

/** The Stock area: the product list and each product's page. */
export function StockArea({ session }: { session: SessionInfo }) {
  useStockEvents();
  const canManage = hasPermission(session.permissions, 'stock.manage');
  return (
    <Routes>
      <Route index element={<ProductsScreen canManage={canManage} />} />
      <Route path="products/:id" element={<ProductPage canManage={canManage} />} />
      <Route path="*" element={<Navigate to="/stock" replace />} />
    </Routes>
  );
}

function ProductsScreen({ canManage }: { canManage: boolean }) {
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  return (
    <Stack>
      <PageTitle focus={false}>Stock</PageTitle>
      <ProductList canManage={canManage} onNew={() => setCreating(true)} />
      {canManage && (
        <ProductEditor opened={creating} onClose={() => setCreating(false)} onSaved={(p) => void navigate(`/stock/products/${p.id}`)} />
      )}
    </Stack>
  );
}
