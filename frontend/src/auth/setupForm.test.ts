import { describe, expect, it } from 'vitest';
import { emptyCompany, logoFileError, toCompanyInput, validateCompany } from '../settings/companyForm';
import { emptyAdmin, setupErrorTarget, validateAdmin } from './setupForm';

describe('setupErrorTarget', () => {
  it.each([
    ['company.currency', { step: 0, path: 'currency' }],
    ['company.logoDataUrl', { step: 0, path: 'logoDataUrl' }],
    ['admin.pin', { step: 1, path: 'pin' }],
    ['admin.password', { step: 1, path: 'password' }],
    ['admin.unknown', undefined],
    ['currency', undefined],
    ['', undefined],
  ])('maps %j', (field, expected) => {
    expect(setupErrorTarget(field)).toEqual(expected);
  });
});

describe('validateAdmin', () => {
  const valid = { name: 'admin', fullName: 'Ada Admin', password: 'correct-horse-1', confirm: 'correct-horse-1', pin: '' };

  it('accepts a valid admin with or without PIN', () => {
    expect(validateAdmin(valid)).toEqual({});
    expect(validateAdmin({ ...valid, pin: '2468' })).toEqual({});
  });

  it('reports every problem on an empty form', () => {
    expect(Object.keys(validateAdmin(emptyAdmin)).sort()).toEqual(['fullName', 'name', 'password']);
  });

  it('checks confirmation, password length and PIN digits', () => {
    expect(validateAdmin({ ...valid, confirm: 'other' })).toHaveProperty('confirm');
    expect(validateAdmin({ ...valid, password: 'short', confirm: 'short' })).toHaveProperty('password');
    expect(validateAdmin({ ...valid, pin: '12' })).toEqual({ pin: 'A PIN has 4 to 8 digits.' });
  });
});

describe('validateCompany', () => {
  it('requires name, country and currency', () => {
    expect(Object.keys(validateCompany(emptyCompany)).sort()).toEqual(['country', 'currency', 'name']);
  });

  it('accepts a minimal company and checks the e-mail shape', () => {
    const c = { ...emptyCompany, name: 'Acme Trading GmbH', country: 'DE', currency: 'EUR' };
    expect(validateCompany(c)).toEqual({});
    expect(validateCompany({ ...c, email: 'nope' })).toHaveProperty('email');
  });

  it('toCompanyInput drops extra fields such as updatedAt', () => {
    const input = toCompanyInput({ ...emptyCompany, name: 'Acme', updatedAt: '2026-01-01T00:00:00Z' } as never);
    expect(input).not.toHaveProperty('updatedAt');
    expect(input.name).toBe('Acme');
  });
});

describe('logoFileError', () => {
  it('takes PNG and JPEG up to 512 KiB', () => {
    expect(logoFileError({ type: 'image/png', size: 1000 })).toBeNull();
    expect(logoFileError({ type: 'image/jpeg', size: 512 * 1024 })).toBeNull();
    expect(logoFileError({ type: 'image/png', size: 512 * 1024 + 1 })).toMatch(/512 KiB/);
    expect(logoFileError({ type: 'image/svg+xml', size: 10 })).toMatch(/PNG or JPEG/);
  });
});
