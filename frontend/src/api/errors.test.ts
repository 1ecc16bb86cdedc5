import { describe, expect, it, vi } from 'vitest';
import { ApiError, applyApiError, call, formFieldFor, toApiError } from './errors';

describe('toApiError', () => {
  it.each([
    ['coded object', { code: 'EINVALID', message: 'Choose a currency.', field: 'company.currency' }, 'EINVALID', 'Choose a currency.', 'company.currency'],
    ['object without field', { code: 'ELOCKED', message: 'Locked until 10:15.' }, 'ELOCKED', 'Locked until 10:15.', ''],
    ['unknown code', { code: 'EWHATEVER', message: 'Odd.' }, 'EINTERNAL', 'Odd.', ''],
    ['plain string', 'something broke', 'EINTERNAL', 'something broke', ''],
    ['coded string', 'EUNAUTHORIZED: Wrong PIN.', 'EUNAUTHORIZED', 'Wrong PIN.', ''],
    ['JSON string', '{"code":"ECONFLICT","message":"Name taken.","field":"name"}', 'ECONFLICT', 'Name taken.', 'name'],
    ['Error', new TypeError("Cannot read properties of undefined (reading 'app')"), 'EINTERNAL', "Cannot read properties of undefined (reading 'app')", ''],
    ['empty message', { code: 'EINTERNAL', message: '' }, 'EINTERNAL', 'Internal error', ''],
    ['null', null, 'EINTERNAL', 'Internal error', ''],
  ])('maps a %s', (_name, input, code, message, field) => {
    const err = toApiError(input);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
    expect(err.field).toBe(field);
  });

  it('returns an ApiError unchanged', () => {
    const err = new ApiError('ENOTFOUND', 'Gone.');
    expect(toApiError(err)).toBe(err);
  });
});

describe('call', () => {
  it('rethrows a rejection as ApiError', async () => {
    const binding = vi.fn().mockRejectedValue({ code: 'EFORBIDDEN', message: 'Not allowed.' });
    await expect(call(binding)).rejects.toMatchObject({ code: 'EFORBIDDEN', message: 'Not allowed.' });
  });

  it('passes a result through', async () => {
    await expect(call(() => Promise.resolve(42))).resolves.toBe(42);
  });
});

describe('formFieldFor', () => {
  const fields = ['name', 'password', 'pin'];

  it('accepts a field the form has', () => {
    expect(formFieldFor(new ApiError('EINVALID', 'x', 'pin'), fields)).toBe('pin');
  });

  it('maps an aliased backend path', () => {
    expect(formFieldFor(new ApiError('EINVALID', 'x', 'admin.pin'), fields, { 'admin.pin': 'pin' })).toBe('pin');
  });

  it('rejects a field the form lacks and an empty field', () => {
    expect(formFieldFor(new ApiError('EINVALID', 'x', 'company.currency'), fields)).toBeUndefined();
    expect(formFieldFor(new ApiError('EUNAUTHORIZED', 'x'), fields)).toBeUndefined();
  });
});

describe('applyApiError', () => {
  it('sets the field error and returns null when the field is on the form', () => {
    const form = { setFieldError: vi.fn() };
    const rest = applyApiError(form, { code: 'ECONFLICT', message: 'Name taken.', field: 'name' }, ['name']);
    expect(form.setFieldError).toHaveBeenCalledWith('name', 'Name taken.');
    expect(rest).toBeNull();
  });

  it('returns the error for display above the form otherwise', () => {
    const form = { setFieldError: vi.fn() };
    const rest = applyApiError(form, { code: 'EINTERNAL', message: 'Internal error' }, ['name']);
    expect(form.setFieldError).not.toHaveBeenCalled();
    expect(rest?.message).toBe('Internal error');
  });
});
