import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from './errors';
import { keys } from './queryClient';
import type { SessionInfo, SetupRequest } from './types';
import { AuthAPI, app } from './wails';

function storeSession(qc: QueryClient, session: SessionInfo) {
  qc.setQueryData(keys.session, session);
}

export function useSetupStatus() {
  return useQuery({ queryKey: keys.setupStatus, queryFn: () => call(AuthAPI.SetupStatus) });
}

export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: () => call(AuthAPI.Session) });
}

export function useLoginUsers() {
  return useQuery({ queryKey: keys.loginUsers, queryFn: () => call(AuthAPI.LoginUsers) });
}

export function useCompleteSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: SetupRequest) => call(() => AuthAPI.CompleteSetup(app.SetupRequest.createFrom(req))),
    onSuccess: (session) => {
      storeSession(qc, session);
      void qc.invalidateQueries({ queryKey: keys.setupStatus });
    },
  });
}

export function useLoginPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ name, password }: { name: string; password: string }) =>
      call(() => AuthAPI.LoginPassword(name, password)),
    onSuccess: (session) => storeSession(qc, session),
  });
}

export function useLoginPIN() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, pin }: { userId: string; pin: string }) => call(() => AuthAPI.LoginPIN(userId, pin)),
    onSuccess: (session) => storeSession(qc, session),
  });
}

export function useUnlock() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (secret: string) => call(() => AuthAPI.Unlock(secret)),
    onSuccess: (session) => storeSession(qc, session),
  });
}

/** Lock and Logout return nothing: re-read the session so the screen follows. */
export function useLock() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(AuthAPI.Lock),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.session }),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(AuthAPI.Logout),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.session });
      await qc.invalidateQueries({ queryKey: keys.loginUsers });
    },
  });
}

export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: ({ current, next }: { current: string; next: string }) =>
      call(() => AuthAPI.ChangeOwnPassword(current, next)),
  });
}

export function useChangeOwnPIN() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ password, pin }: { password: string; pin: string }) => call(() => AuthAPI.ChangeOwnPIN(password, pin)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.session }),
  });
}
