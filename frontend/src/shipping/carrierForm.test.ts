import { describe, expect, it } from 'vitest';
import {
  carrierChange,
  luhnDigit,
  serviceChange,
  trackingPatternError,
  trackingPatternExample,
  trackingUrlError,
  validateCarrier,
  validateZone,
} from './carrierForm';

describe('trackingUrlError', () => {
  it.each([
    ['', null],
    ['https://www.dhl.com/track?tracking-id={tracking}', null],
    ['http://t.example/{tracking}/status', null],
  ])('accepts %j', (v, want) => expect(trackingUrlError(v)).toBe(want));

  it.each([
    ['https://t.example/track', /Put \{tracking\}/],
    ['javascript:alert({tracking})', /http:\/\/ or https:\/\//],
    ['ftp://t.example/{tracking}', /http:\/\/ or https:\/\//],
    ['www.dhl.com/{tracking}', /http:\/\/ or https:\/\//],
    ['https://t.example/a b/{tracking}', /without spaces/],
  ])('refuses %j', (v, want) => expect(trackingUrlError(v)).toMatch(want));
});

describe('trackingPatternError', () => {
  it.each(['', 'OWN-{station}-{seq:6}{check}', '{seq:4}', 'D{seq:12}', 'V/{seq:4}.{check}'])('accepts %j', (v) =>
    expect(trackingPatternError(v)).toBeNull(),
  );
  it.each([
    ['OWN-{station}', /Put \{seq:N\}/],
    ['{seq:3}', /from 4 to 12/],
    ['{seq:13}', /from 4 to 12/],
    ['{seq:6}{seq:6}', /once/],
    ['{check}{seq:6}', /after \{seq:N\}/],
    ['{seq:6}{check}{check}', /once/],
    ['{seq:6', /Close/],
    ['{tracking}{seq:6}', /Unknown placeholder/],
    ['A B{seq:6}', /remove " "/],
    ['<b>{seq:6}', /remove "<"/],
    ['A'.repeat(35) + '{seq:4}', /at most 40/],
  ])('refuses %j', (v, want) => expect(trackingPatternError(v)).toMatch(want));
});

describe('trackingPatternExample', () => {
  it('fills in station, sequence and check digit as the backend does', () => {
    expect(trackingPatternExample('OWN-{station}-{seq:6}', 'b2')).toBe('OWN-B2-000001');
    expect(trackingPatternExample('OWN-{station}-{seq:6}', '')).toBe('OWN-LOCAL-000001');
    expect(trackingPatternExample('D{seq:8}{check}', '', 92739871)).toBe('D927398719');
    expect(trackingPatternExample('{seq:3}', '')).toBeNull();
  });
  it('computes the Luhn digit', () => {
    expect(luhnDigit('7992739871')).toBe('3');
    expect(luhnDigit('0001')).toBe('8');
  });
});

describe('carrier and zone forms', () => {
  it('validates the carrier name', () => {
    expect(validateCarrier.name('  ')).toBe('Enter a name.');
    expect(validateCarrier.name('x'.repeat(101))).toMatch(/at most 100/);
    expect(validateCarrier.name(' DHL ')).toBeNull();
  });
  it('trims what it sends', () => {
    expect(carrierChange({ name: ' DHL ', trackingUrl: ' https://x.example/{tracking} ', trackingPattern: ' ', active: false })).toEqual({
      name: 'DHL',
      trackingUrl: 'https://x.example/{tracking}',
      trackingPattern: '',
      active: false,
    });
  });
  it('lays service changes over the service', () => {
    const s = { id: 's', carrierId: 'c', code: 'STD', name: 'Standard', active: true };
    expect(serviceChange(s, { active: false })).toEqual({ code: 'STD', name: 'Standard', active: false });
  });
  it('wants countries, and rest of world alone', () => {
    expect(validateZone.countries([])).toMatch(/at least one/);
    expect(validateZone.countries(['*', 'FR'])).toMatch(/stands alone/);
    expect(validateZone.countries(['*'])).toBeNull();
    expect(validateZone.countries(['FR', 'AT'])).toBeNull();
  });
});
