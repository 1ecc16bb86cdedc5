import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { keys } from './queryClient';
import type { SessionInfo, StatusInfo } from './types';
import { EventsOn } from './wails';

/** True when the page runs inside Wails (desktop or dev server) and its runtime is injected. */
function hasRuntime(): boolean {
  return typeof window !== 'undefined' && 'runtime' in window && window.runtime != null;
}

/**
 * Keeps the query cache in step with backend events: "status:changed" carries
 * the new StatusInfo, "session:changed" the new SessionInfo. Data that depends on
 * who is signed in is re-read after a session change.
 */
export function useBackendEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!hasRuntime()) return;
    const offStatus = EventsOn('status:changed', (status: StatusInfo) => {
      qc.setQueryData(keys.status, status);
      void qc.invalidateQueries({ queryKey: ['audit'] });
    });
    const offSession = EventsOn('session:changed', (session: SessionInfo) => {
      qc.setQueryData(keys.session, session);
      void qc.invalidateQueries({ queryKey: keys.loginUsers });
    });
    return () => {
      offStatus();
      offSession();
    };
  }, [qc]);
}

declare global {
  interface Window {
    runtime?: unknown;
  }
}
