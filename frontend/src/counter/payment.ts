import { parseMoney } from '../stock/money';
import type { PaymentRequest } from '../api/orders';

/** Methods whose payments carry a reference (terminal slip, transfer or PayPal id). */
export function needsReference(kind: string): boolean {
  return kind === 'card' || kind === 'transfer' || kind === 'paypal';
}

/** The change to hand back: what was tendered over the amount, never negative. */
export function changeDue(amount: number, tendered: number): number {
  return Math.max(0, tendered - amount);
}

export interface PaymentForm {
  methodId: string;
  kind: string;
  amount: string;
  tendered: string;
  reference: string;
}

export type BuiltPayment = { ok: true; request: PaymentRequest } | { ok: false; field: 'methodId' | 'amount' | 'tendered'; error: string };

/**
 * Early validation of the payment form and the request it makes. Cash may be
 * tendered above the amount (the change is given back); tendered empty means
 * exactly the amount. The backend checks everything again.
 */
export function buildPayment(f: PaymentForm, minorUnits: number, balanceDue: number): BuiltPayment {
  if (!f.methodId) return { ok: false, field: 'methodId', error: 'Choose how the customer pays.' };
  const amount = parseMoney(f.amount, minorUnits);
  if (amount === null || amount <= 0) return { ok: false, field: 'amount', error: 'Enter an amount greater than zero.' };
  if (f.kind !== 'cash' && balanceDue > 0 && amount > balanceDue) {
    return { ok: false, field: 'amount', error: 'More than the balance due: only cash gives change.' };
  }
  let tendered = 0;
  if (f.kind === 'cash' && f.tendered.trim() !== '') {
    const t = parseMoney(f.tendered, minorUnits);
    if (t === null) return { ok: false, field: 'tendered', error: 'Enter the cash handed over, e.g. 20.00.' };
    if (t < amount) return { ok: false, field: 'tendered', error: 'The cash handed over is less than the amount.' };
    tendered = t;
  }
  return {
    ok: true,
    request: {
      methodId: f.methodId,
      amount,
      tendered,
      reference: needsReference(f.kind) ? f.reference.trim() : '',
      approverId: '',
      approverSecret: '',
    },
  };
}
