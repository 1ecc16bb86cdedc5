import { describe, expect, it } from 'vitest';
import type { ShipmentRow } from '../api/shipmentBatch';
import {
  ANY_STATUS,
  addOne,
  cannotStep,
  filterFromParams,
  isDefaultFilter,
  listDateTime,
  listSummary,
  pageSelection,
  paramsFromFilter,
  rangeText,
  selectionSummary,
  shipmentQuery,
  toggleOne,
  togglePage,
  weightText,
  type Selection,
} from './shipmentsList';

const row = (id: string, status = 'label_created', packages = 1): ShipmentRow => ({
  id,
  number: `LOCAL-S${id}`,
  orderId: `o${id}`,
  orderNumber: `LOCAL-${id}`,
  carrierId: 'c1',
  carrierName: 'DHL',
  serviceCode: 'STD',
  serviceName: 'Standard',
  trackingNumber: `T${id}`,
  trackingUrl: '',
  status,
  cost: 490,
  currency: 'EUR',
  weightG: 500,
  createdBy: 'packer',
  createdAt: '2026-03-02T09:00:00Z',
  packages: Array.from({ length: packages }, (_, i) => ({ packageNo: i + 1, weightG: 500, lengthMm: 0, widthMm: 0, heightMm: 0 })),
  lines: [],
  events: [],
});

describe('filters', () => {
  it('defaults to the shipments waiting for the driver', () => {
    const f = filterFromParams(new URLSearchParams());
    expect(f).toEqual({ status: 'label_created', carrierId: '', from: '', to: '', query: '' });
    expect(isDefaultFilter(f)).toBe(true);
    expect(shipmentQuery(f, 0, 50)).toEqual({ status: 'label_created', carrierId: '', from: '', to: '', query: '', limit: 50, offset: 0 });
  });

  it('round-trips through the URL, leaving the default out', () => {
    const f = { status: 'in_transit', carrierId: 'c1', from: '2026-03-01', to: '2026-03-02', query: ' JJD1 ' };
    const p = paramsFromFilter(f);
    expect(p.toString()).toBe('status=in_transit&carrier=c1&from=2026-03-01&to=2026-03-02&q=JJD1');
    expect(filterFromParams(p)).toEqual({ ...f, query: 'JJD1' });
    expect(paramsFromFilter({ ...f, status: 'label_created', carrierId: '', from: '', to: '', query: '' }).toString()).toBe('');
  });

  it('asks for every status with "any", pages by offset and drops a range end before its start', () => {
    const q = shipmentQuery({ status: ANY_STATUS, carrierId: 'c2', from: '2026-03-05', to: '2026-03-01', query: '  S1 ' }, 3, 50);
    expect(q).toEqual({ status: '', carrierId: 'c2', from: '2026-03-05', to: '', query: 'S1', limit: 50, offset: 150 });
    expect(shipmentQuery({ status: 'delivered', carrierId: '', from: '', to: '2026-03-01', query: '' }, -1, 50).offset).toBe(0);
  });

  it('says what the list holds', () => {
    const f = filterFromParams(new URLSearchParams());
    expect(listSummary(1, f)).toBe('1 shipment waiting for the driver');
    expect(listSummary(0, { ...f, status: 'delivered' })).toBe('0 shipments delivered');
    expect(listSummary(2, { ...f, status: ANY_STATUS })).toBe('2 shipments');
    expect(rangeText(0, 50, 0)).toBe('0 of 0');
    expect(rangeText(1, 50, 120)).toBe('51–100 of 120');
    expect(rangeText(2, 50, 120)).toBe('101–120 of 120');
    expect(weightText(850)).toBe('850 g');
    expect(weightText(1250)).toBe('1.25 kg');
    const now = new Date(2026, 2, 5);
    expect(listDateTime(new Date(2026, 2, 2, 9, 14).toISOString(), now)).not.toMatch(/2026/);
    expect(listDateTime(new Date(2025, 11, 30, 9, 14).toISOString(), now)).toMatch(/2025/);
    expect(listDateTime('', now)).toBe('');
  });
});

describe('selection', () => {
  const page = [row('1'), row('2', 'in_transit', 2), row('3')];

  it('ticks one, all on the page, and unticks the page when all are ticked', () => {
    let sel: Selection = new Map();
    expect(pageSelection(sel, page)).toBe('none');
    sel = toggleOne(sel, page[1]);
    expect(pageSelection(sel, page)).toBe('some');
    sel = togglePage(sel, page);
    expect(pageSelection(sel, page)).toBe('all');
    expect([...sel.keys()]).toEqual(['2', '1', '3']);
    sel = togglePage(sel, page);
    expect(sel.size).toBe(0);
    expect(pageSelection(sel, [])).toBe('none');
  });

  it('keeps ticks of other pages when a page is ticked or unticked', () => {
    let sel: Selection = toggleOne(new Map(), row('99'));
    sel = togglePage(sel, page);
    sel = togglePage(sel, page);
    expect([...sel.keys()]).toEqual(['99']);
  });

  it('adds a scanned shipment once, never unticking it', () => {
    const once = addOne(new Map(), page[0]);
    const twice = addOne(once, page[0]);
    expect(twice).toBe(once);
    expect(twice.size).toBe(1);
  });

  it('counts shipments and packages, and names those that cannot take a step', () => {
    const sel = togglePage(new Map(), [...page, row('4', 'delivered')]);
    expect(selectionSummary(sel)).toBe('4 shipments selected, 5 packages');
    expect(selectionSummary(toggleOne(new Map(), page[0]))).toBe('1 shipment selected, 1 package');
    expect(cannotStep(sel, 'in_transit').map((r) => r.id)).toEqual(['2', '4']);
    expect(cannotStep(sel, 'delivered').map((r) => r.id)).toEqual(['4']);
  });
});
