import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthAPI, StatusAPI, UsersAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { Gate } from './Gate';

vi.mock('../api/wails', async () => (await import('../test/wailsMock')).wailsMock);

const status = {
  device: { id: 'd1', name: 'till-1', stationCode: '' },
  sync: { mode: 'standalone', online: false, pending: 3, lastSync: '', lastError: '' },
  version: 'dev',
};
const user = (role: string, fullName: string) => ({
  id: `u-${role}`,
  name: role,
  fullName,
  role,
  active: true,
  hasPin: role === 'counter',
  lockedUntil: '',
  createdAt: '',
});

describe('Gate', () => {
  beforeEach(() => {
    vi.mocked(AuthAPI.SetupStatus).mockResolvedValue({ needsSetup: false, deviceName: 'till-1' } as never);
    vi.mocked(StatusAPI.Status).mockResolvedValue(status as never);
  });

  it('lands counter staff on Counter with the status bar and only their areas', async () => {
    vi.mocked(AuthAPI.Session).mockResolvedValue({
      loggedIn: true,
      locked: false,
      user: user('counter', 'Cara Counter'),
      permissions: ['counter.use', 'customers.view', 'orders.create'],
    } as never);
    renderWithApp(<Gate />);

    expect(await screen.findByRole('heading', { name: 'Counter', level: 1 })).toBeInTheDocument();
    const bar = screen.getByRole('group', { name: 'Status bar' });
    expect(within(bar).getByText(/Cara Counter/)).toBeInTheDocument();
    expect(await within(bar).findByText('Standalone – no sync server')).toBeInTheDocument();
    expect(within(bar).getByText('3 changes waiting')).toBeInTheDocument();
    expect(within(bar).getByText(/till-1/)).toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).queryByText('Admin')).not.toBeInTheDocument();
    expect(within(nav).queryByText('Warehouse')).not.toBeInTheDocument();
    expect(within(nav).getByText('Orders')).toBeInTheDocument();
    expect(within(nav).queryByText('Not available in this version')).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: /Orders/ })).toBeInTheDocument();
  });

  it('lands an admin on Admin > Users', async () => {
    vi.mocked(AuthAPI.Session).mockResolvedValue({
      loggedIn: true,
      locked: false,
      user: user('admin', 'Ada Admin'),
      permissions: ['users.manage', 'counter.use', 'settings.company'],
    } as never);
    vi.mocked(UsersAPI.ListUsers).mockResolvedValue([user('admin', 'Ada Admin'), user('counter', 'Cara Counter')] as never);
    renderWithApp(<Gate />);

    expect(await screen.findByRole('heading', { name: 'Admin' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(within(table).getByText('Cara Counter')).toBeInTheDocument();
  });

  it('jumps between areas with Alt+n', async () => {
    vi.mocked(AuthAPI.Session).mockResolvedValue({
      loggedIn: true,
      locked: false,
      user: user('counter', 'Cara Counter'),
      permissions: ['counter.use'],
    } as never);
    renderWithApp(<Gate />);
    await screen.findByRole('heading', { name: 'Counter', level: 1 });
    await userEvent.keyboard('{Alt>}2{/Alt}');
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeInTheDocument();
  });

  it('shows the lock screen for a locked session and the login when signed out', async () => {
    vi.mocked(AuthAPI.Session).mockResolvedValueOnce({
      loggedIn: true,
      locked: true,
      user: user('counter', 'Cara Counter'),
      permissions: ['counter.use'],
    } as never);
    renderWithApp(<Gate />);
    expect(await screen.findByRole('heading', { name: 'Locked' })).toBeInTheDocument();
    expect(screen.getByLabelText('PIN or password')).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Switch user' })).toBeInTheDocument();
  });

  it('shows the setup wizard on first run', async () => {
    vi.mocked(AuthAPI.SetupStatus).mockResolvedValue({ needsSetup: true, deviceName: 'till-1' } as never);
    vi.mocked(AuthAPI.Session).mockResolvedValue({ loggedIn: false, locked: false, user: user('', ''), permissions: [] } as never);
    renderWithApp(<Gate />);
    expect(await screen.findByRole('heading', { name: 'Set up OMS' })).toBeInTheDocument();
  });
});
