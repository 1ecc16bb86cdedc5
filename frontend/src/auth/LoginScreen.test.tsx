import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthAPI } from '../api/wails';
import { keys } from '../api/queryClient';
import { renderWithApp } from '../test/render';
import { LoginScreen } from './LoginScreen';

vi.mock('../api/wails', async () => (await import('../test/wailsMock')).wailsMock);

const cara = { id: 'u-cara', name: 'cara', fullName: 'Cara Counter', role: 'counter', hasPin: true };
const ada = { id: 'u-ada', name: 'admin', fullName: 'Ada Admin', role: 'admin', hasPin: false };
const session = (user: typeof cara) => ({
  loggedIn: true,
  locked: false,
  user: { ...user, active: true, lockedUntil: '', createdAt: '' },
  permissions: ['counter.use'],
});

describe('LoginScreen', () => {
  beforeEach(() => {
    vi.mocked(AuthAPI.LoginUsers).mockReset().mockResolvedValue([cara, ada]);
    vi.mocked(AuthAPI.LoginPIN).mockReset();
    vi.mocked(AuthAPI.LoginPassword).mockReset();
  });

  it('lists the users and focuses the first', async () => {
    renderWithApp(<LoginScreen />);
    const first = await screen.findByRole('button', { name: /Cara Counter/ });
    expect(screen.getByRole('button', { name: /Ada Admin/ })).toBeInTheDocument();
    expect(first).toHaveFocus();
  });

  it('signs in with a PIN, showing a wrong PIN at the field first', async () => {
    const user = userEvent.setup();
    vi.mocked(AuthAPI.LoginPIN)
      .mockRejectedValueOnce({ code: 'EUNAUTHORIZED', message: 'Wrong PIN.' })
      .mockResolvedValueOnce(session(cara) as never);
    const { queryClient } = renderWithApp(<LoginScreen />);

    await user.click(await screen.findByRole('button', { name: /Cara Counter/ }));
    const pin = screen.getByLabelText('PIN');
    expect(pin).toHaveFocus();
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();

    await user.type(pin, '1x1a11{Enter}');
    expect(AuthAPI.LoginPIN).toHaveBeenLastCalledWith('u-cara', '1111');
    expect(await screen.findByText('Wrong PIN.')).toBeInTheDocument();
    expect(pin).toHaveAttribute('aria-invalid', 'true');
    expect(pin).toHaveValue('');

    await user.type(pin, '4321{Enter}');
    await waitFor(() => expect(queryClient.getQueryData(keys.session)).toMatchObject({ loggedIn: true }));
    expect(AuthAPI.LoginPIN).toHaveBeenLastCalledWith('u-cara', '4321');
  });

  it('checks the PIN length before calling the backend', async () => {
    const user = userEvent.setup();
    renderWithApp(<LoginScreen />);
    await user.click(await screen.findByRole('button', { name: /Cara Counter/ }));
    await user.type(screen.getByLabelText('PIN'), '12{Enter}');
    expect(await screen.findByText('A PIN has 4 to 8 digits.')).toBeInTheDocument();
    expect(AuthAPI.LoginPIN).not.toHaveBeenCalled();
  });

  it('enters digits with the PIN pad', async () => {
    const user = userEvent.setup();
    vi.mocked(AuthAPI.LoginPIN).mockResolvedValue(session(cara) as never);
    renderWithApp(<LoginScreen />);
    await user.click(await screen.findByRole('button', { name: /Cara Counter/ }));
    for (const d of ['4', '3', '2', '9']) await user.click(screen.getByRole('button', { name: d }));
    await user.click(screen.getByRole('button', { name: 'Delete last digit' }));
    await user.click(screen.getByRole('button', { name: '1' }));
    expect(screen.getByLabelText('PIN')).toHaveValue('4321');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(AuthAPI.LoginPIN).toHaveBeenCalledWith('u-cara', '4321');
  });

  it('shows a lockout message at the PIN', async () => {
    const user = userEvent.setup();
    vi.mocked(AuthAPI.LoginPIN).mockRejectedValue({ code: 'ELOCKED', message: 'Locked until 10:15 after 5 wrong PINs.' });
    renderWithApp(<LoginScreen />);
    await user.click(await screen.findByRole('button', { name: /Cara Counter/ }));
    await user.type(screen.getByLabelText('PIN'), '0000{Enter}');
    expect(await screen.findByText('Locked until 10:15 after 5 wrong PINs.')).toBeInTheDocument();
  });

  it('asks a user without PIN for the password', async () => {
    const user = userEvent.setup();
    vi.mocked(AuthAPI.LoginPassword).mockRejectedValue({ code: 'EUNAUTHORIZED', message: 'Wrong name or password.' });
    renderWithApp(<LoginScreen />);
    await user.click(await screen.findByRole('button', { name: /Ada Admin/ }));
    expect(screen.queryByLabelText('PIN')).not.toBeInTheDocument();
    const password = screen.getByLabelText('Password');
    expect(password).toHaveFocus();
    await user.type(password, 'wrong-pass{Enter}');
    expect(AuthAPI.LoginPassword).toHaveBeenCalledWith('admin', 'wrong-pass');
    expect(await screen.findByText('Wrong name or password.')).toBeInTheDocument();
  });

  it('signs in with name and password', async () => {
    const user = userEvent.setup();
    vi.mocked(AuthAPI.LoginPassword).mockResolvedValue(session(ada as never) as never);
    renderWithApp(<LoginScreen />);
    await user.click(await screen.findByRole('button', { name: 'Sign in with name and password' }));
    expect(screen.getByLabelText('User name')).toHaveFocus();
    await user.type(screen.getByLabelText('User name'), ' admin ');
    await user.type(screen.getByLabelText('Password'), 'correct-horse-1{Enter}');
    expect(AuthAPI.LoginPassword).toHaveBeenCalledWith('admin', 'correct-horse-1');
  });
});
