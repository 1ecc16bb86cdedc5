import { describe, expect, it } from 'vitest';
import { nextShipmentSteps, shipmentClosed, shipmentStatusLabel } from './shipments';

describe('nextShipmentSteps', () => {
  it.each([
    ['label_created', ['in_transit', 'exception', 'delivered', 'returned']],
    ['in_transit', ['delivered', 'exception', 'returned']],
    ['exception', ['in_transit', 'delivered', 'returned']],
    ['delivered', []],
    ['returned', []],
    ['nonsense', []],
  ])('%s', (status, want) => expect(nextShipmentSteps(status)).toEqual(want));

  it('closes delivered and returned shipments only', () => {
    expect(shipmentClosed('delivered')).toBe(true);
    expect(shipmentClosed('returned')).toBe(true);
    expect(shipmentClosed('exception')).toBe(false);
    expect(shipmentStatusLabel('in_transit')).toBe('In transit');
  });
});
