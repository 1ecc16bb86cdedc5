import { METHOD_KINDS, type NewPaymentMethod, type PaymentMethodChange } from '../api/cash';
import type { PaymentMethod } from '../api/orders';

// Early validation of the payment method forms; the backend checks again
// (order.CreatePaymentMethod, UpdatePaymentMethod) and its coded errors land
// on the same fields.

/** The longest method name the backend accepts (order.MaxMethodName), in characters. */
export const MAX_METHOD_NAME = 60;

/** The fields the backend names in its errors, which are the forms' fields too. */
export const METHOD_FIELDS = ['name', 'kind'] as const;

export interface MethodFormValues {
  name: string;
  kind: string;
}

/** The error a method name gets, or null when it is fine. */
export function methodNameError(name: string): string | null {
  const n = [...name.trim()].length;
  if (n === 0) return 'Enter a name.';
  if (n > MAX_METHOD_NAME) return `Enter a name of at most ${MAX_METHOD_NAME} characters.`;
  return null;
}

export const validateMethod = {
  name: methodNameError,
  kind: (kind: string) => (METHOD_KINDS.some((k) => k.value === kind) ? null : 'Choose the kind of payment.'),
};

/** A new method goes after the others (sort 10 past the last), so the counter's buttons keep their order. */
export function newMethod(v: MethodFormValues, existing: readonly PaymentMethod[]): NewPaymentMethod {
  const last = existing.reduce((m, x) => Math.max(m, x.sort), 0);
  return { name: v.name.trim(), kind: v.kind, sort: last + 10 };
}

/** UpdatePaymentMethod sets name, activity and order together: the method as it is, with changes laid over. */
export function methodChange(m: PaymentMethod, changes: Partial<PaymentMethodChange> = {}): PaymentMethodChange {
  return { name: m.name, active: m.active, sort: m.sort, ...changes };
}
