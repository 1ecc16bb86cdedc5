import { describe, expect, it } from 'vitest';
import { emptyUser, needsPin, validateUser } from './userForm';

describe('validateUser', () => {
  const base = { ...emptyUser, name: 'cara', fullName: 'Cara Counter' };

  it('requires a PIN but no password for counter and warehouse staff', () => {
    expect(validateUser({ ...base, role: 'counter', pin: '' })).toEqual({ pin: 'Enter a PIN.' });
    expect(validateUser({ ...base, role: 'warehouse', pin: '4321' })).toEqual({});
  });

  it('requires a password but no PIN for admins and managers', () => {
    expect(validateUser({ ...base, role: 'manager' })).toEqual({ password: 'Enter a password.' });
    expect(validateUser({ ...base, role: 'admin', password: 'correct-horse-1' })).toEqual({});
  });

  it('still checks an optional password or PIN when given', () => {
    expect(validateUser({ ...base, role: 'counter', pin: '4321', password: 'short' })).toHaveProperty('password');
    expect(validateUser({ ...base, role: 'admin', password: 'correct-horse-1', pin: '12' })).toHaveProperty('pin');
  });

  it('rejects an unknown role and missing names', () => {
    expect(validateUser({ ...emptyUser, role: 'boss' })).toMatchObject({
      name: expect.any(String),
      fullName: expect.any(String),
      role: 'Choose a role.',
    });
  });

  it('needsPin', () => {
    expect(needsPin('counter')).toBe(true);
    expect(needsPin('admin')).toBe(false);
  });
});
