import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call, type ApiError } from './errors';
import { orderKeys, paymentKeys, type PaymentResult } from './orders';
import { stockKeys } from './stock';
import type { app } from './wails';
import { PaymentsAPI, ReturnsAPI, app as models } from './wails';

// Returns (RMA) of shipped or delivered orders, and refunds by hand
// (ReturnsAPI, PaymentsAPI.Refund and SettleRefund).

type Data<T> = Omit<T, 'convertValues'>;
export type ReturnableLine = Data<app.ReturnableLineView>;
export type ReturnLine = Data<app.ReturnLineView>;
export type Return = Omit<Data<app.ReturnView>, 'lines' | 'refunds'> & { lines: ReturnLine[]; refunds: Data<app.PaymentView>[] };
export type ReturnRequest = Omit<Data<app.ReturnRequest>, 'lines'> & { lines: Data<app.ReturnLineRequest>[] };
export type RefundRequest = Data<app.RefundRequest>;

export const returnKeys = {
  all: ['returns'] as const,
  ofOrder: (orderId: string) => ['returns', 'order', orderId] as const,
  returnable: (orderId: string) => ['returns', 'returnable', orderId] as const,
};

/** What can still come back of each line of an order. */
export function useReturnableLines(orderId: string, enabled = true) {
  return useQuery({
    queryKey: returnKeys.returnable(orderId),
    queryFn: () => call(() => ReturnsAPI.ReturnableLines(orderId)),
    enabled: enabled && !!orderId,
  });
}

/** The returns of one order, newest first as the backend lists them. */
export function useOrderReturns(orderId: string) {
  return useQuery({
    queryKey: returnKeys.ofOrder(orderId),
    queryFn: () => call(() => ReturnsAPI.FindReturns(models.ReturnQuery.createFrom({ orderId, from: '', to: '', limit: 200, offset: 0 }))),
    enabled: !!orderId,
  });
}

/** After money moved for an order: its summary, payments, page and returns are re-read. */
function refreshOrder(qc: QueryClient, orderId: string) {
  void qc.invalidateQueries({ queryKey: paymentKeys.summary(orderId) });
  void qc.invalidateQueries({ queryKey: paymentKeys.payments(orderId) });
  void qc.invalidateQueries({ queryKey: paymentKeys.drawer });
  void qc.invalidateQueries({ queryKey: orderKeys.one(orderId) });
  void qc.invalidateQueries({ queryKey: orderKeys.pages });
  void qc.invalidateQueries({ queryKey: ['returns'] });
}

/** Records a return with its restocks and refund; stock and the order are re-read. */
export function useCreateReturn() {
  const qc = useQueryClient();
  return useMutation<Return, ApiError, { orderId: string; request: ReturnRequest }>({
    mutationFn: ({ orderId, request }) => call(() => ReturnsAPI.CreateReturn(orderId, models.ReturnRequest.createFrom(request))),
    onSuccess: (_, { orderId }) => {
      refreshOrder(qc, orderId);
      void qc.invalidateQueries({ queryKey: stockKeys.all });
    },
  });
}

/** A refund by hand (an overpaid order, a goodwill gesture), paid out now or pending. */
export function useRefund() {
  const qc = useQueryClient();
  return useMutation<PaymentResult, ApiError, { orderId: string; request: RefundRequest }>({
    mutationFn: ({ orderId, request }) => call(() => PaymentsAPI.Refund(orderId, models.RefundRequest.createFrom(request))),
    onSuccess: (_, { orderId }) => refreshOrder(qc, orderId),
  });
}

/** Pays out a pending refund (from a cancellation or a return). */
export function useSettleRefund() {
  const qc = useQueryClient();
  return useMutation<PaymentResult, ApiError, { orderId: string; paymentId: string; reference: string }>({
    mutationFn: ({ paymentId, reference }) => call(() => PaymentsAPI.SettleRefund(paymentId, reference)),
    onSuccess: (_, { orderId }) => refreshOrder(qc, orderId),
  });
}
