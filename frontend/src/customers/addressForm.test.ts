import { describe, expect, it } from 'vitest';
import { addressLines, emptyAddress, validateAddress } from './addressForm';

const valid = { ...emptyAddress('shipping', 'GR'), line1: 'Ερμού 10', postalCode: '105 63', city: 'Αθήνα' };

describe('validateAddress', () => {
  it('accepts a complete address', () => {
    expect(validateAddress(valid)).toEqual({});
  });

  it.each([
    [{ line1: ' ' }, 'line1'],
    [{ city: '' }, 'city'],
    [{ country: '' }, 'country'],
    [{ postalCode: '10115!' }, 'postalCode'],
    [{ kind: 'home' }, 'kind'],
    [{ phone: 'x' }, 'phone'],
  ])('refuses %j on %s', (change, field) => {
    expect(Object.keys(validateAddress({ ...valid, ...change }))).toEqual([field]);
  });

  it('accepts a lower-case postal code, which Go upper-cases', () => {
    expect(validateAddress({ ...valid, postalCode: 'sw1a 1aa' })).toEqual({});
  });
});

describe('addressLines', () => {
  it('leaves out empty parts and names the country', () => {
    expect(addressLines(valid, (c) => (c === 'GR' ? 'Greece' : c))).toEqual(['Ερμού 10', '105 63 Αθήνα', 'Greece']);
  });
});
