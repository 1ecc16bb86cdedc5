import { Kbd, NavLink, Stack } from '@mantine/core';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import type { Area } from './nav';
import classes from './NavBar.module.css';

/** The areas this user may see; those without a screen yet are shown disabled, saying so. */
export function NavBar({ areas }: { areas: readonly Area[] }) {
  const { pathname } = useLocation();
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
            rightSection={i < 9 ? <Kbd size="xs">Alt+{i + 1}</Kbd> : undefined}
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
