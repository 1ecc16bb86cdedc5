import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentsAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { DocumentButtons } from './DocumentButtons';

vi.mock('../api/wails', () => ({
  DocumentsAPI: { PrintDocument: vi.fn(), OpenDocument: vi.fn(), SaveDocument: vi.fn(), DocumentData: vi.fn() },
  PrintersAPI: {},
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
}));

function renderButtons() {
  return renderWithApp(
    <Routes>
      <Route path="/orders/o1" element={<DocumentButtons orderId="o1" kinds={['invoice', 'packing-slip']} />} />
      <Route path="/settings" element={<h1>Settings page</h1>} />
    </Routes>,
    { route: '/orders/o1' },
  );
}

describe('DocumentButtons', () => {
  beforeEach(() => {
    vi.mocked(DocumentsAPI.PrintDocument).mockReset();
  });

  it('prints, and without a printer says so with a way to Settings', async () => {
    const user = userEvent.setup();
    renderButtons();
    // In a browser there is no system viewer to open documents in.
    expect(screen.queryByRole('button', { name: 'Open invoice' })).toBeNull();
    vi.mocked(DocumentsAPI.PrintDocument).mockRejectedValueOnce(
      JSON.stringify({
        code: 'ENOTFOUND',
        field: 'printer',
        message: 'No printer is set for packing slips on this workstation: choose one in Settings → Printers.',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Print packing slip' }));
    expect(DocumentsAPI.PrintDocument).toHaveBeenCalledWith('packing-slip', 'o1');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Packing slip not printed');
    expect(alert).toHaveTextContent('No printer is set for packing slips on this workstation: choose one in Settings → Printers.');
    await user.click(screen.getByRole('button', { name: 'Set up printers' }));
    expect(await screen.findByRole('heading', { name: 'Settings page' })).toBeInTheDocument();
  });

  it('shows other print errors as text, without the Settings link', async () => {
    const user = userEvent.setup();
    renderButtons();
    vi.mocked(DocumentsAPI.PrintDocument).mockRejectedValueOnce(
      JSON.stringify({ code: 'ECONFLICT', message: 'Printer "<b>Office</b>" (CUPS) did not take the document: lp: stopped' }),
    );
    await user.click(screen.getByRole('button', { name: 'Print invoice' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Printer "<b>Office</b>" (CUPS) did not take the document');
    expect(alert.querySelector('b')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Set up printers' })).toBeNull();
  });
});
