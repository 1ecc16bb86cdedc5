import { describe, expect, it } from 'vitest';
import { AREAS, areaForShortcut, landingPath, visibleAreas } from './nav';
import { hasPermission } from './permissions';

// The role permission lists as the backend sends them (docs/api-contract.md).
const ALL = [
  'audit.view', 'counter.use', 'customers.manage', 'customers.view', 'orders.create', 'orders.manage', 'orders.view',
  'reports.view', 'settings.company', 'stock.manage', 'stock.view', 'users.manage', 'warehouse.use',
];
const ROLES: Record<string, string[]> = {
  admin: ALL,
  manager: ['audit.view', 'customers.manage', 'customers.view', 'orders.create', 'orders.manage', 'orders.view', 'reports.view', 'stock.manage', 'stock.view'],
  counter: ['counter.use', 'customers.view', 'orders.create'],
  warehouse: ['stock.view', 'warehouse.use'],
};

const labels = (perms: string[]) => visibleAreas(perms).map((a) => a.label);

describe('visibleAreas', () => {
  it('shows everything to an admin', () => {
    expect(labels(ROLES.admin)).toEqual(AREAS.map((a) => a.label));
  });

  it('shows counter staff Counter, Orders, Customers and Settings only', () => {
    expect(labels(ROLES.counter)).toEqual(['Counter', 'Orders', 'Customers', 'Settings']);
  });

  it('shows a manager the Dashboard first, and no Counter, Warehouse or Admin', () => {
    expect(labels(ROLES.manager)).toEqual(['Dashboard', 'Orders', 'Stock', 'Customers', 'Reports', 'Settings']);
  });

  it('shows warehouse staff Warehouse, Stock and Settings', () => {
    expect(labels(ROLES.warehouse)).toEqual(['Warehouse', 'Stock', 'Settings']);
  });

  it('shows only Settings without permissions', () => {
    expect(labels([])).toEqual(['Settings']);
  });
});

describe('landingPath', () => {
  it.each([
    ['admin', '/admin'],
    ['counter', '/counter'],
    ['warehouse', '/warehouse'],
    ['manager', '/dashboard'],
  ])('%s lands on %s', (role, path) => {
    expect(landingPath(ROLES[role])).toBe(path);
  });
});

describe('areaForShortcut', () => {
  it('numbers the visible areas and skips those without a screen', () => {
    const areas = visibleAreas(ROLES.counter);
    expect(areaForShortcut(areas, 1)?.key).toBe('counter');
    expect(areaForShortcut(areas, 2)?.key).toBe('orders');
    expect(areaForShortcut(visibleAreas(ROLES.admin), 1)?.key).toBe('dashboard');
    expect(areaForShortcut(visibleAreas(ROLES.admin), 7)?.key).toBe('reports');
    expect(areaForShortcut(visibleAreas(ROLES.counter), 6)).toBeUndefined(); // counter staff see no reports
    expect(areaForShortcut(areas, 4)?.key).toBe('settings');
    expect(areaForShortcut(areas, 5)).toBeUndefined();
  });
});

describe('hasPermission', () => {
  it('matches exact, wildcard grants and area requirements', () => {
    expect(hasPermission(['users.manage'], 'users.manage')).toBe(true);
    expect(hasPermission(['*'], 'users.manage')).toBe(true);
    expect(hasPermission(['orders.*'], 'orders.view')).toBe(true);
    expect(hasPermission(['orders.create'], 'orders.*')).toBe(true);
    expect(hasPermission(['ordersx.view'], 'orders.*')).toBe(false);
    expect(hasPermission(['stock.view'], 'users.manage')).toBe(false);
    expect(hasPermission(undefined, 'users.manage')).toBe(false);
  });
});
