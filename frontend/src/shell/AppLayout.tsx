import { AppShell, Button, Group, Text } from '@mantine/core';
import { Outlet } from 'react-router';
import { useLock, useLogout } from '../api/auth';
import { useSyncEvents } from '../api/sync';
import type { SessionInfo } from '../api/types';
import { NavBar } from './NavBar';
import type { Area } from './nav';
import { StatusBar } from './StatusBar';
import { useGlobalShortcuts } from './useGlobalShortcuts';

/** The signed-in frame: header with lock and switch user, navigation, the screen, the status bar. */
export function AppLayout({ session, areas }: { session: SessionInfo; areas: readonly Area[] }) {
  useGlobalShortcuts(areas);
  useSyncEvents();
  const lock = useLock();
  const logout = useLogout();

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 230, breakpoint: 0 }} footer={{ height: 36 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg">
            OMS
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {session.user.fullName || session.user.name}
            </Text>
            <Button variant="default" size="xs" onClick={() => lock.mutate()} loading={lock.isPending} aria-keyshortcuts="F12 Control+L">
              Lock (F12)
            </Button>
            <Button variant="default" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
              Switch user
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar component="nav" aria-label="Main navigation">
        <NavBar areas={areas} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar session={session} />
      </AppShell.Footer>
    </AppShell>
  );
}
