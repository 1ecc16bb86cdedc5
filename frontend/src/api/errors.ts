// Errors from the Go bindings arrive as a rejected value {code, message, field?}
// (see docs/api-contract.md). This module turns whatever was rejected into one
// typed ApiError and maps its field path onto a form input.

export type ErrorCode =
  | 'EINVALID'
  | 'ECONFLICT'
  | 'ENOTFOUND'
  | 'EUNAUTHORIZED'
  | 'EFORBIDDEN'
  | 'ELOCKED'
  | 'EINTERNAL';

const KNOWN_CODES: readonly string[] = [
  'EINVALID',
  'ECONFLICT',
  'ENOTFOUND',
  'EUNAUTHORIZED',
  'EFORBIDDEN',
  'ELOCKED',
  'EINTERNAL',
];

/** A coded error from the backend with a sentence a user can act on. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** The request field the error concerns, as a JSON path ("company.currency"), or "". */
  readonly field: string;

  constructor(code: ErrorCode, message: string, field = '') {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }
}

function asCode(value: unknown): ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.includes(value) ? (value as ErrorCode) : 'EINTERNAL';
}

function fromObject(value: Record<string, unknown>): ApiError | null {
  if (typeof value.message !== 'string' && typeof value.code !== 'string') return null;
  const message = typeof value.message === 'string' && value.message !== '' ? value.message : 'Internal error';
  const field = typeof value.field === 'string' ? value.field : '';
  return new ApiError(asCode(value.code), message, field);
}

function fromString(text: string): ApiError {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === 'object') {
        const err = fromObject(parsed as Record<string, unknown>);
        if (err) return err;
      }
    } catch {
      // Not JSON after all: fall through and treat it as a sentence.
    }
  }
  const coded = /^(E[A-Z]+):\s*(.*)$/s.exec(trimmed);
  if (coded && KNOWN_CODES.includes(coded[1])) {
    return new ApiError(coded[1] as ErrorCode, coded[2] || 'Internal error');
  }
  return new ApiError('EINTERNAL', trimmed || 'Internal error');
}

/** Turns any rejected value (coded object, JSON text, plain string, Error) into an ApiError. */
export function toApiError(value: unknown): ApiError {
  if (value instanceof ApiError) return value;
  if (typeof value === 'string') return fromString(value);
  if (value instanceof Error) {
    // A thrown Error (e.g. the binding itself missing) has no code of its own.
    const coded = typeof (value as { code?: unknown }).code === 'string';
    return coded ? (fromObject(value as unknown as Record<string, unknown>) as ApiError) : fromString(value.message);
  }
  if (value && typeof value === 'object') {
    const err = fromObject(value as Record<string, unknown>);
    if (err) return err;
  }
  return new ApiError('EINTERNAL', 'Internal error');
}

/** Calls a binding and rethrows its rejection as an ApiError. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toApiError(e);
  }
}

/**
 * Finds the form input an error belongs to. The backend names the field by the
 * request's JSON path; `aliases` maps paths that differ from the form's own
 * (e.g. "pin" -> "secret"), and only paths in `formFields` are accepted.
 * Returns undefined when the error belongs to no input of this form.
 */
export function formFieldFor(
  err: ApiError,
  formFields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  if (!err.field) return undefined;
  const path = aliases[err.field] ?? err.field;
  return formFields.includes(path) ? path : undefined;
}

/** Minimal surface of a Mantine form that applyApiError needs. */
export interface FieldErrorSink {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Shows an error next to its input when it has one. Returns the error when it
 * belongs to no input, so the caller shows it above the form; otherwise null.
 */
export function applyApiError(
  form: FieldErrorSink,
  value: unknown,
  formFields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): ApiError | null {
  const err = toApiError(value);
  const path = formFieldFor(err, formFields, aliases);
  if (path) {
    form.setFieldError(path, err.message);
    return null;
  }
  return err;
}
