import { Group, Kbd, NavLink, Stack } from '@mantine/core';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { LowStockBadge, useLowStockAlerts } from '../stock/lowstock/LowStockAlerts';
import type { Area } from './nav';
import classes from './NavBar.module.css';

/** The areas this user may see; those without a screen yet are shown disabled, saying so. */
export function NavBar({ areas }: { areas: readonly Area[] }) {
  const { pathname } = useLocation();
  const showsStock = areas.some((a) => a.key === 'stock' && a.available);
  useLowStockAlerts(showsStock);
  return (
    <Stack gap={2} p="xs">
      {areas.map((area, i) =>
        area.available ? (
          <NavLink
            key={area.key}
            component={RouterNavLink}
            to={area.path}
            label={area.label}
            active={pathname === area.path || pathname.startsWith(`${area.path}/`)}
            rightSection={
              area.key === 'stock' ? (
                <Group gap={4} wrap="nowrap">
                  <LowStockBadge />
                  {i < 9 && <Kbd size="xs">Alt+{i + 1}</Kbd>}
                </Group>
              ) : i < 9 ? (
                <Kbd size="xs">Alt+{i + 1}</Kbd>
              ) : undefined
            }
            aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
          />
        ) : (
          <NavLink
            key={area.key}
            component="div"
            className={classes.unavailable}
            label={area.label}
            description="Not available in this version"
            disabled
            aria-disabled
          />
        ),
      )}
    </Stack>
  );
}
