import { useQuery } from '@tanstack/react-query';
import { call } from './errors';
import { keys } from './queryClient';
import { StatusAPI, app } from './wails';

export function useStatus() {
  return useQuery({ queryKey: keys.status, queryFn: () => call(StatusAPI.Status) });
}

export function useAuditLog(entity: string, limit = 200) {
  return useQuery({
    queryKey: keys.audit(entity, limit),
    queryFn: () => call(() => StatusAPI.AuditLog(app.AuditFilter.createFrom({ entity, limit }))),
  });
}
