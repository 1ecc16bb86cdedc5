import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from './errors';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/** Query keys, one place, so events and mutations update the same cache entries. */
export const keys = {
  setupStatus: ['setupStatus'] as const,
  session: ['session'] as const,
  loginUsers: ['loginUsers'] as const,
  users: ['users'] as const,
  company: ['company'] as const,
  currencies: ['currencies'] as const,
  countries: ['countries'] as const,
  status: ['status'] as const,
  audit: (entity: string, limit: number) => ['audit', entity, limit] as const,
};

/**
 * The backend is a local process: a failed call fails for a reason, not because
 * of a flaky network, so nothing is retried. Backend events, not window focus,
 * tell the cache when data changed.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
