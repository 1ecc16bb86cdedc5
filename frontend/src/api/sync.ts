import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ApiError } from './errors';
import { keys } from './queryClient';
import { EventsOn, SyncAPI, sync, type app } from './wails';

type Data<T> = Omit<T, 'convertValues'>;

export type SyncState = Data<app.SyncState>;
export type InboxEntry = Data<sync.InboxEntry>;
export type InboxPage = { entries: InboxEntry[]; total: number };
export type ExceptionOrder = Data<app.ExceptionOrder>;
export type ExceptionView = Omit<Data<app.ExceptionView>, 'orderList'> & { orderList: ExceptionOrder[] };
export type ExceptionFilter = 'open' | 'settled' | '';
export type Resolution = 'backorder' | 'transfer' | 'refund' | 'accept';
export interface Settlement {
  resolution: Resolution;
  orderId: string;
  note: string;
}
/** What "sync:progress" carries during a joining workstation's first sync. */
export interface SyncProgress {
  phase: string;
  done: number;
  total: number;
}

export const syncKeys = {
  all: ['sync'] as const,
  state: ['sync', 'state'] as const,
  inbox: (limit: number) => ['sync', 'inbox', limit] as const,
  exceptions: (status: ExceptionFilter) => ['sync', 'exceptions', status] as const,
  openExceptions: ['sync', 'openExceptions'] as const,
};

/** This workstation's link to the sync server. */
export function useSyncState() {
  return useQuery({ queryKey: syncKeys.state, queryFn: () => call(SyncAPI.State) });
}

/** The newest changes the server refused or this workstation could not apply (admins). */
export function useSyncInbox(limit = 200, enabled = true) {
  return useQuery({
    queryKey: syncKeys.inbox(limit),
    queryFn: () => call(() => SyncAPI.Inbox(limit)) as Promise<InboxPage>,
    enabled,
  });
}

/** The stock and cancel-ship exceptions sync raised, by status ("" for all). */
export function useSyncExceptions(status: ExceptionFilter) {
  return useQuery({
    queryKey: syncKeys.exceptions(status),
    queryFn: () => call(() => SyncAPI.Exceptions(status)) as Promise<ExceptionView[]>,
  });
}

/** How many exceptions wait for a manager (the badge and the dashboard line). */
export function useOpenExceptions(enabled = true) {
  return useQuery({ queryKey: syncKeys.openExceptions, queryFn: () => call(SyncAPI.OpenExceptions), enabled });
}

export function useEnrol() {
  const qc = useQueryClient();
  return useMutation<SyncState, ApiError, { serverUrl: string; token: string }>({
    mutationFn: ({ serverUrl, token }) => call(() => SyncAPI.Enrol(serverUrl.trim(), token.trim())),
    onSuccess: (st) => {
      qc.setQueryData(syncKeys.state, st);
      void qc.invalidateQueries({ queryKey: syncKeys.all });
      void qc.invalidateQueries({ queryKey: keys.status });
    },
  });
}

/** Enrols a database the server refused as a copy again, as a new station. */
export function useReenrol() {
  const qc = useQueryClient();
  return useMutation<SyncState, ApiError, { serverUrl: string; token: string }>({
    mutationFn: ({ serverUrl, token }) => call(() => SyncAPI.Reenrol(serverUrl.trim(), token.trim())),
    onSuccess: (st) => {
      qc.setQueryData(syncKeys.state, st);
      void qc.invalidateQueries({ queryKey: syncKeys.all });
      void qc.invalidateQueries({ queryKey: keys.status });
    },
  });
}

/**
 * Joins an existing business at first run: enrols, runs the first sync, and
 * then the workstation is set up, so the setup status is read again and the
 * Gate shows the sign-in screen.
 */
export function useJoinServer() {
  const qc = useQueryClient();
  return useMutation<SyncState, ApiError, { serverUrl: string; token: string }>({
    mutationFn: ({ serverUrl, token }) => call(() => SyncAPI.JoinServer(serverUrl.trim(), token.trim())),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.setupStatus });
      await qc.invalidateQueries({ queryKey: keys.loginUsers });
    },
  });
}

/** Asks for a round now; "sync:changed" tells how it went. */
export function useSyncNow() {
  const qc = useQueryClient();
  return useMutation<SyncState, ApiError, void>({
    mutationFn: () => call(SyncAPI.SyncNow),
    onSuccess: (st) => qc.setQueryData(syncKeys.state, st),
  });
}

export function useSettleException() {
  const qc = useQueryClient();
  return useMutation<ExceptionView, ApiError, { id: string; settlement: Settlement }>({
    mutationFn: ({ id, settlement }) =>
      call(() => SyncAPI.SettleException(id, sync.Settlement.createFrom(settlement))) as Promise<ExceptionView>,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: syncKeys.all });
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: ['stock'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

/** Whether a round's summary ("pushed 1, refused 0, pulled 3, not applied 0") says it brought changes here. */
export function roundPulled(lastRound: string): boolean {
  return /pulled [1-9]/.test(lastRound);
}

/**
 * Keeps the sync queries in step with the backend: every background round
 * ends with "sync:changed", every local write with "status:changed". A round
 * that pulled changes also re-reads every other screen's data, since changes
 * applied from the server raise no events of their own.
 */
export function useSyncEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof window === 'undefined' || !window.runtime) return;
    const offSync = EventsOn('sync:changed', (st: SyncState) => {
      if (st) qc.setQueryData(syncKeys.state, st);
      if (st && roundPulled(st.lastRound)) {
        void qc.invalidateQueries({
          predicate: (q) => q.queryKey[0] !== keys.session[0] && q.queryKey[0] !== keys.setupStatus[0],
        });
      } else {
        void qc.invalidateQueries({ queryKey: syncKeys.all });
      }
    });
    const offStatus = EventsOn('status:changed', () => void qc.invalidateQueries({ queryKey: syncKeys.all }));
    return () => {
      offSync();
      offStatus();
    };
  }, [qc]);
}

/** Follows "sync:progress" while active (the first sync of a joining workstation). */
export function useSyncProgress(onProgress: (p: SyncProgress) => void, active: boolean): void {
  useEffect(() => {
    if (!active || typeof window === 'undefined' || !window.runtime) return;
    return EventsOn('sync:progress', onProgress);
  }, [active, onProgress]);
}
