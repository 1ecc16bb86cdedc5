import { Stack, Tabs } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageTitle } from '../shell/PageTitle';

const TABS = [
  { value: 'users', label: 'Users' },
  { value: 'shipping', label: 'Shipping' },
  { value: 'jobs', label: 'Jobs' },
  { value: 'sync', label: 'Sync' },
  { value: 'audit', label: 'Audit log' },
];

/** Admin: tabs for Users, Shipping (carriers), scheduled Jobs, Sync and the Audit log, each its own route. */
export function AdminPage() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((t) => pathname.startsWith(`/admin/${t.value}`))?.value ?? 'users';

  return (
    <Stack>
      <PageTitle>Admin</PageTitle>
      <Tabs value={current} keepMounted={false} onChange={(v) => v && void navigate(`/admin/${v}`)}>
        <Tabs.List aria-label="Admin sections">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            {t.value === current && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
