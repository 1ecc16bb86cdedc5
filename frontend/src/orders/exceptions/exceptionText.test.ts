import { describe, expect, it } from 'vitest';
import { allowedResolutions, backorderChoices, kindLabel, openExceptionsText, settlementOf, validateSettle } from './exceptionText';

const order = (id: string, reserved: number, found = true) => ({ id, number: `S${id}-1`, status: 'confirmed', reserved, found });
const oversold = { kind: 'oversold', status: 'open', orderList: [order('1', 1), order('2', 0), order('3', 2, false)] };
const cancelShip = { kind: 'cancel_ship', status: 'open', orderList: [order('1', 0)] };

describe('kindLabel', () => {
  it('names the kinds', () => {
    expect(kindLabel('oversold')).toBe('Oversold');
    expect(kindLabel('cancel_ship')).toBe('Cancelled and shipped');
  });
});

describe('backorderChoices', () => {
  it('offers only orders that are here and still hold units', () => {
    expect(backorderChoices(oversold).map((o) => o.id)).toEqual(['1']);
  });
});

describe('allowedResolutions', () => {
  it('offers everything for an oversell with an order holding units', () => {
    expect(allowedResolutions(oversold)).toEqual(['backorder', 'transfer', 'refund', 'accept']);
  });
  it('offers no backorder when no order holds units', () => {
    expect(allowedResolutions({ ...oversold, orderList: [order('2', 0)] })).toEqual(['transfer', 'refund', 'accept']);
  });
  it('offers refund or accept for a cancel that met a shipment', () => {
    expect(allowedResolutions(cancelShip)).toEqual(['refund', 'accept']);
  });
  it('offers nothing once settled', () => {
    expect(allowedResolutions({ ...oversold, status: 'settled' })).toEqual([]);
  });
});

describe('validateSettle', () => {
  it('wants a resolution that fits', () => {
    expect(validateSettle(oversold, { resolution: '', orderId: '', note: '' }).resolution).toBeDefined();
    expect(validateSettle(cancelShip, { resolution: 'backorder', orderId: '1', note: '' }).resolution).toBeDefined();
  });
  it('wants one of the orders holding units for a backorder', () => {
    expect(validateSettle(oversold, { resolution: 'backorder', orderId: '', note: '' }).orderId).toBeDefined();
    expect(validateSettle(oversold, { resolution: 'backorder', orderId: '2', note: '' }).orderId).toBeDefined();
    expect(validateSettle(oversold, { resolution: 'backorder', orderId: '1', note: '' })).toEqual({});
  });
  it('limits the note to 500 characters', () => {
    expect(validateSettle(oversold, { resolution: 'accept', orderId: '', note: 'x'.repeat(500) })).toEqual({});
    expect(validateSettle(oversold, { resolution: 'accept', orderId: '', note: 'x'.repeat(501) }).note).toBeDefined();
  });
});

describe('settlementOf', () => {
  it('sends the order only for a backorder, and a trimmed note', () => {
    expect(settlementOf({ resolution: 'accept', orderId: '1', note: ' found it ' })).toEqual({ resolution: 'accept', orderId: '', note: 'found it' });
    expect(settlementOf({ resolution: 'backorder', orderId: '1', note: '' })).toEqual({ resolution: 'backorder', orderId: '1', note: '' });
  });
});

describe('openExceptionsText', () => {
  it('counts', () => {
    expect(openExceptionsText(1)).toBe('1 sync exception to settle');
    expect(openExceptionsText(2)).toBe('2 sync exceptions to settle');
  });
});
