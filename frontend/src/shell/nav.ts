import { hasPermission } from './permissions';

export type AreaKey = 'dashboard' | 'counter' | 'orders' | 'warehouse' | 'stock' | 'customers' | 'reports' | 'admin' | 'settings';

export interface Area {
  key: AreaKey;
  label: string;
  path: string;
  /** Permission needed to see the area; "x.*" means any permission of area x. Null: everyone signed in. */
  permission: string | null;
  /** False for areas that have no screen in this version. */
  available: boolean;
}

/**
 * The areas in navigation order (Settings last). Dashboard comes first for
 * managers and admins; counter and warehouse staff do not see it, so their
 * Alt+n shortcuts are unchanged.
 */
export const AREAS: readonly Area[] = [
  { key: 'dashboard', label: 'Dashboard', path: '/dashboard', permission: 'reports.view', available: true },
  { key: 'counter', label: 'Counter', path: '/counter', permission: 'counter.use', available: true },
  { key: 'orders', label: 'Orders', path: '/orders', permission: 'orders.*', available: true },
  { key: 'warehouse', label: 'Warehouse', path: '/warehouse', permission: 'warehouse.use', available: true },
  { key: 'stock', label: 'Stock', path: '/stock', permission: 'stock.*', available: true },
  { key: 'customers', label: 'Customers', path: '/customers', permission: 'customers.*', available: true },
  { key: 'reports', label: 'Reports', path: '/reports', permission: 'reports.view', available: true },
  { key: 'admin', label: 'Admin', path: '/admin', permission: 'users.manage', available: true },
  { key: 'settings', label: 'Settings', path: '/settings', permission: null, available: true },
];

/** The areas a user with these permissions may see, in navigation order. */
export function visibleAreas(permissions: readonly string[] | null | undefined): Area[] {
  return AREAS.filter((a) => a.permission === null || hasPermission(permissions, a.permission));
}

/** Which area a user lands on, best first: admins administer, managers see the dashboard, counter staff serve, Settings at worst. */
const LANDING_ORDER: readonly AreaKey[] = ['admin', 'dashboard', 'counter', 'warehouse', 'orders', 'stock', 'customers', 'reports', 'settings'];

/** Where a user lands after sign-in: the first usable area in landing order. */
export function landingPath(permissions: readonly string[] | null | undefined): string {
  const usable = visibleAreas(permissions).filter((a) => a.available);
  for (const key of LANDING_ORDER) {
    const area = usable.find((a) => a.key === key);
    if (area) return area.path;
  }
  return '/settings';
}

/** The area reached with Alt+n (1-based), or undefined when there is none or it has no screen yet. */
export function areaForShortcut(areas: readonly Area[], n: number): Area | undefined {
  const area = areas[n - 1];
  return area && area.available ? area : undefined;
}
