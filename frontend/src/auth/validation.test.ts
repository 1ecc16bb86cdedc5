import { describe, expect, it } from 'vitest';
import { confirmError, digitsOnly, emailError, passwordError, pinError, requiredError } from './validation';

describe('pinError', () => {
  it.each([
    ['1234', false, null],
    ['12345678', false, null],
    ['123', false, 'A PIN has 4 to 8 digits.'],
    ['123456789', false, 'A PIN has 4 to 8 digits.'],
    ['12a4', false, 'A PIN has digits only.'],
    [' 1234', false, 'A PIN has digits only.'],
    ['', false, 'Enter a PIN.'],
    ['', true, null],
    ['12', true, 'A PIN has 4 to 8 digits.'],
  ])('pinError(%j, optional=%s)', (pin, optional, expected) => {
    expect(pinError(pin, optional)).toBe(expected);
  });
});

describe('digitsOnly', () => {
  it('drops non-digits and cuts at 8', () => {
    expect(digitsOnly('12a3-4')).toBe('1234');
    expect(digitsOnly('1234567890')).toBe('12345678');
    expect(digitsOnly('abc')).toBe('');
  });
});

describe('other validators', () => {
  it('passwordError wants 8 characters unless optional and empty', () => {
    expect(passwordError('short')).toMatch(/at least 8/);
    expect(passwordError('correct-horse-1')).toBeNull();
    expect(passwordError('', true)).toBeNull();
    expect(passwordError('')).toBe('Enter a password.');
  });

  it('requiredError rejects blanks and over-long text', () => {
    expect(requiredError('  ', 'a name')).toBe('Enter a name.');
    expect(requiredError('x'.repeat(101), 'a name')).toMatch(/at most 100/);
    expect(requiredError('Cara', 'a name')).toBeNull();
  });

  it('confirmError compares', () => {
    expect(confirmError('a', 'b')).not.toBeNull();
    expect(confirmError('a', 'a')).toBeNull();
  });

  it('emailError allows empty and checks the shape', () => {
    expect(emailError('')).toBeNull();
    expect(emailError('info@acme.example')).toBeNull();
    expect(emailError('info@')).not.toBeNull();
  });
});
