import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call, type ApiError } from './errors';
import { paymentKeys, type DrawerSession, type PaymentMethod } from './orders';
import type { app } from './wails';
import { EventsOn, PaymentsAPI, app as models } from './wails';

// The cash drawer of this workstation with its end-of-day reports, and the
// payment methods setting (PaymentsAPI). The current session and opening the
// drawer live in orders.ts, where the counter uses them.

type Data<T> = Omit<T, 'convertValues'>;
export type DrawerLine = Data<app.DrawerLineView>;
export type DrawerReport = Omit<Data<app.DrawerReportView>, 'session' | 'methods'> & {
  session: DrawerSession;
  methods: DrawerLine[];
};
export type DrawerSessionPage = { items: DrawerSession[]; total: number };
export type DrawerCount = Data<app.DrawerCount>;
export type NewPaymentMethod = Data<app.NewPaymentMethod>;
export type PaymentMethodChange = Data<app.PaymentMethodChange>;

export type MethodKind = 'cash' | 'card' | 'transfer' | 'paypal' | 'account' | 'gift_card' | 'store_credit';

/** The kinds of payment method the backend knows (order.MethodKind), with what people read. */
export const METHOD_KINDS: readonly { value: MethodKind; label: string }[] = [
  { value: 'cash', label: 'Cash' },
  { value: 'card', label: 'Card' },
  { value: 'transfer', label: 'Bank transfer' },
  { value: 'paypal', label: 'PayPal' },
  { value: 'account', label: 'On account' },
  { value: 'gift_card', label: 'Gift card' },
  { value: 'store_credit', label: 'Store credit' },
];

/** "Bank transfer" for "transfer"; unknown kinds show as sent. */
export function kindLabel(kind: string): string {
  return METHOD_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/**
 * Query keys of the drawer's reports and sessions. They sit under the current
 * drawer's key, so whatever re-reads the drawer (the drawer:changed event)
 * re-reads them too.
 */
export const cashKeys = {
  reports: [...paymentKeys.drawer, 'report'] as const,
  report: (sessionId: string) => [...paymentKeys.drawer, 'report', sessionId] as const,
  sessions: [...paymentKeys.drawer, 'sessions'] as const,
  sessionPage: (limit: number, offset: number) => [...paymentKeys.drawer, 'sessions', limit, offset] as const,
  /** Every method, inactive ones too; under the active methods' key, so both are re-read together. */
  allMethods: [...paymentKeys.methods, 'all'] as const,
};

/** The session an empty drawer reads as (CurrentDrawer with no open session). */
export const NO_SESSION: DrawerSession = {
  id: '',
  deviceId: '',
  status: '',
  currency: '',
  openingFloat: 0,
  openedByName: '',
  openedAt: '',
  closedByName: '',
  closedAt: '',
  note: '',
};

/** Re-reads the drawer, its reports and sessions when the backend says the drawer or a payment changed. */
export function useDrawerEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof window === 'undefined' || !window.runtime) return;
    const offDrawer = EventsOn('drawer:changed', () => void qc.invalidateQueries({ queryKey: paymentKeys.drawer }));
    // A payment taken or refunded at this workstation changes what the open drawer expects.
    const offPayments = EventsOn('payments:changed', () => void qc.invalidateQueries({ queryKey: cashKeys.reports }));
    return () => {
      offDrawer();
      offPayments();
    };
  }, [qc]);
}

/** The end-of-day report of a session; for the open session, what it expects so far. */
export function useDrawerReport(sessionId: string | null | undefined) {
  return useQuery({
    queryKey: cashKeys.report(sessionId ?? ''),
    queryFn: () => call(() => PaymentsAPI.EndOfDayReport(sessionId ?? '')),
    enabled: !!sessionId,
  });
}

/** A page of drawer sessions of every workstation, newest first. */
export function useDrawerSessions(limit: number, offset: number) {
  return useQuery({
    queryKey: cashKeys.sessionPage(limit, offset),
    queryFn: () => call(() => PaymentsAPI.DrawerSessions(limit, offset)),
    placeholderData: (prev) => prev,
  });
}

/** After the drawer opened: the session list has a new one. */
export function drawerOpened(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: cashKeys.sessions });
}

/** Closes the drawer with the counts; the report is stored, the drawer reads as closed. */
export function useCloseDrawer() {
  const qc = useQueryClient();
  return useMutation<DrawerReport, ApiError, { counts: DrawerCount[]; note: string }>({
    mutationFn: ({ counts, note }) =>
      call(() => PaymentsAPI.CloseDrawer(counts.map((c) => models.DrawerCount.createFrom(c)), note)),
    onSuccess: (r) => {
      qc.setQueryData(paymentKeys.drawer, NO_SESSION);
      qc.setQueryData(cashKeys.report(r.session.id), r);
      void qc.invalidateQueries({ queryKey: cashKeys.sessions });
    },
  });
}

/** Every payment method, inactive ones too, in their order. */
export function useAllPaymentMethods() {
  return useQuery({ queryKey: cashKeys.allMethods, queryFn: () => call(() => PaymentsAPI.PaymentMethods(false)) });
}

/** A payment method change: both method lists (all, and the counter's active ones) are re-read. */
function useMethodMutation<V>(fn: (vars: V) => Promise<PaymentMethod>) {
  const qc = useQueryClient();
  return useMutation<PaymentMethod, ApiError, V>({
    mutationFn: (vars: V) => call(() => fn(vars)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: paymentKeys.methods }),
  });
}

export const useCreatePaymentMethod = () =>
  useMethodMutation((input: NewPaymentMethod) => PaymentsAPI.CreatePaymentMethod(models.NewPaymentMethod.createFrom(input)));

/** UpdatePaymentMethod sets name, activity and order together: pass all three. */
export const useUpdatePaymentMethod = () =>
  useMethodMutation(({ id, change }: { id: string; change: PaymentMethodChange }) =>
    PaymentsAPI.UpdatePaymentMethod(id, models.PaymentMethodChange.createFrom(change)),
  );
