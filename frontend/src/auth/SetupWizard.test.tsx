import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthAPI, SettingsAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { SetupWizard } from './SetupWizard';

vi.mock('../api/wails', async () => (await import('../test/wailsMock')).wailsMock);

async function choose(user: UserEvent, label: string, option: RegExp) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function fillCompany(user: UserEvent) {
  await user.type(screen.getByLabelText(/Company name/), 'Acme Trading GmbH');
  await choose(user, 'Country', /Germany/);
  await choose(user, 'Currency', /EUR/);
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

async function fillAdmin(user: UserEvent, pin = '') {
  await user.type(screen.getByLabelText(/User name/), 'admin');
  await user.type(screen.getByLabelText(/Full name/), 'Ada Admin');
  await user.type(screen.getByLabelText(/^Password/), 'correct-horse-1');
  await user.type(screen.getByLabelText(/Confirm password/), 'correct-horse-1');
  if (pin) await user.type(screen.getByLabelText(/PIN/), pin);
}

describe('SetupWizard', () => {
  beforeEach(() => {
    vi.mocked(SettingsAPI.Currencies).mockResolvedValue([
      { code: 'EUR', name: 'Euro', minorUnits: 2 },
      { code: 'USD', name: 'US Dollar', minorUnits: 2 },
    ] as never);
    vi.mocked(SettingsAPI.Countries).mockResolvedValue([
      { code: 'DE', name: 'Germany' },
      { code: 'AT', name: 'Austria' },
    ] as never);
    vi.mocked(AuthAPI.CompleteSetup).mockReset();
  });

  it('validates the company step before moving on', async () => {
    const user = userEvent.setup();
    renderWithApp(<SetupWizard deviceName="till-1" />);
    expect(screen.getByLabelText(/Company name/)).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Enter the company name.')).toBeInTheDocument();
    expect(screen.getByText('Choose a country.')).toBeInTheDocument();
    expect(screen.getByText('Choose a currency.')).toBeInTheDocument();
    expect(screen.queryByLabelText(/Full name/)).not.toBeInTheDocument();
  });

  it('sends company and admin together', async () => {
    const user = userEvent.setup();
    vi.mocked(AuthAPI.CompleteSetup).mockResolvedValue({ loggedIn: true, locked: false, permissions: [] } as never);
    renderWithApp(<SetupWizard deviceName="till-1" />);
    await fillCompany(user);
    expect(await screen.findByLabelText(/User name/)).toHaveFocus();
    await fillAdmin(user, '2468');
    await user.click(screen.getByRole('button', { name: 'Complete setup' }));
    await waitFor(() => expect(AuthAPI.CompleteSetup).toHaveBeenCalled());
    expect(vi.mocked(AuthAPI.CompleteSetup).mock.calls[0][0]).toMatchObject({
      company: { name: 'Acme Trading GmbH', country: 'DE', currency: 'EUR', logoDataUrl: '' },
      admin: { name: 'admin', fullName: 'Ada Admin', password: 'correct-horse-1', pin: '2468' },
    });
  });

  it('checks the admin step: confirmation and PIN digits', async () => {
    const user = userEvent.setup();
    renderWithApp(<SetupWizard deviceName="till-1" />);
    await fillCompany(user);
    await user.type(await screen.findByLabelText(/User name/), 'admin');
    await user.type(screen.getByLabelText(/Full name/), 'Ada Admin');
    await user.type(screen.getByLabelText(/^Password/), 'correct-horse-1');
    await user.type(screen.getByLabelText(/Confirm password/), 'correct-horse-2');
    await user.type(screen.getByLabelText(/PIN/), '12a');
    await user.click(screen.getByRole('button', { name: 'Complete setup' }));
    expect(await screen.findByText('The passwords do not match.')).toBeInTheDocument();
    expect(screen.getByText('A PIN has 4 to 8 digits.')).toBeInTheDocument();
    expect(screen.getByLabelText(/PIN/)).toHaveValue('12');
    expect(AuthAPI.CompleteSetup).not.toHaveBeenCalled();
  });

  it('shows an admin field error from Go next to that field', async () => {
    const user = userEvent.setup();
    vi.mocked(AuthAPI.CompleteSetup).mockRejectedValue({ code: 'EINVALID', message: 'That PIN is too simple.', field: 'admin.pin' });
    renderWithApp(<SetupWizard deviceName="till-1" />);
    await fillCompany(user);
    await fillAdmin(user, '1111');
    await user.click(screen.getByRole('button', { name: 'Complete setup' }));
    expect(await screen.findByText('That PIN is too simple.')).toBeInTheDocument();
    expect(screen.getByLabelText(/PIN/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('goes back to the company step for a company field error from Go', async () => {
    const user = userEvent.setup();
    vi.mocked(AuthAPI.CompleteSetup).mockRejectedValue({
      code: 'EINVALID',
      message: 'Currency is not supported.',
      field: 'company.currency',
    });
    renderWithApp(<SetupWizard deviceName="till-1" />);
    await fillCompany(user);
    await fillAdmin(user);
    await user.click(screen.getByRole('button', { name: 'Complete setup' }));
    expect(await screen.findByText('Currency is not supported.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows an error without a known field above the form', async () => {
    const user = userEvent.setup();
    vi.mocked(AuthAPI.CompleteSetup).mockRejectedValue({ code: 'ECONFLICT', message: 'Setup was already completed.' });
    renderWithApp(<SetupWizard deviceName="till-1" />);
    await fillCompany(user);
    await fillAdmin(user);
    await user.click(screen.getByRole('button', { name: 'Complete setup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Setup was already completed.');
  });
});
