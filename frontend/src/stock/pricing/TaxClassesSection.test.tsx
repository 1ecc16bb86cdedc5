import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CatalogAPI } from '../../api/wails';
import { renderWithApp } from '../../test/render';
import { TaxClassesSection } from './TaxClassesSection';

vi.mock('../../api/wails', async () => {
  const { wailsMock } = await import('../../test/wailsMock');
  return {
    ...wailsMock,
    CatalogAPI: { TaxClasses: vi.fn(), CreateTaxClass: vi.fn(), UpdateTaxClass: vi.fn(), DeleteTaxClass: vi.fn() },
  };
});

const classes = [
  { id: 't1', name: 'Standard <b>19</b>', rateBps: 1900 },
  { id: 't2', name: 'Reduced', rateBps: 750 },
];

describe('TaxClassesSection', () => {
  beforeEach(() => {
    vi.mocked(CatalogAPI.TaxClasses).mockResolvedValue(classes as never);
  });

  it('lists rates as percents and user text as text', async () => {
    renderWithApp(<TaxClassesSection canManage />);
    const table = await screen.findByRole('table', { name: 'Tax classes' });
    expect(await within(table).findByText('Standard <b>19</b>')).toBeInTheDocument();
    expect(within(table).getByText('19 %')).toBeInTheDocument();
    expect(within(table).getByText('7.5 %')).toBeInTheDocument();
    expect(table.querySelector('b')).toBeNull();
  });

  it('sends the rate in basis points and shows a Go error at its field', async () => {
    vi.mocked(CatalogAPI.CreateTaxClass).mockRejectedValueOnce({
      code: 'ECONFLICT',
      field: 'name',
      message: 'A tax class named Reduced exists already.',
    });
    renderWithApp(<TaxClassesSection canManage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add tax class' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add tax class' });
    await userEvent.type(within(dialog).getByLabelText(/Tax class name/), 'Reduced');
    await userEvent.type(within(dialog).getByLabelText(/Rate/), '7.555');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save tax class' }));
    expect(await within(dialog).findByText(/at most 2 decimals/)).toBeInTheDocument();
    expect(CatalogAPI.CreateTaxClass).not.toHaveBeenCalled();

    await userEvent.clear(within(dialog).getByLabelText(/Rate/));
    await userEvent.type(within(dialog).getByLabelText(/Rate/), '16.1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save tax class' }));
    expect(await within(dialog).findByText('A tax class named Reduced exists already.')).toBeInTheDocument();
    expect(CatalogAPI.CreateTaxClass).toHaveBeenCalledWith({ name: 'Reduced', rateBps: 1610 });
  });

  it('shows why a tax class in use cannot be deleted', async () => {
    vi.mocked(CatalogAPI.DeleteTaxClass).mockRejectedValueOnce({
      code: 'ECONFLICT',
      message: '3 products use the tax class Reduced.',
    });
    renderWithApp(<TaxClassesSection canManage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Reduced' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Reduced?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete tax class' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('3 products use the tax class Reduced.');
    expect(CatalogAPI.DeleteTaxClass).toHaveBeenCalledWith('t2');
  });

  it('is read-only without stock.manage', async () => {
    renderWithApp(<TaxClassesSection canManage={false} />);
    await screen.findByText('7.5 %');
    expect(screen.queryByRole('button', { name: 'Add tax class' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
  });
});
