import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './errors';
import { keys } from './queryClient';
import type { UserInput } from './types';
import { UsersAPI, app } from './wails';

export function useUsers(enabled = true) {
  return useQuery({ queryKey: keys.users, queryFn: () => call(UsersAPI.ListUsers), enabled });
}

/** Every user change also changes who can appear in the login picker. */
function useUserMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => call(() => fn(vars)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.users });
      await qc.invalidateQueries({ queryKey: keys.loginUsers });
    },
  });
}

export const useCreateUser = () => useUserMutation((input: UserInput) => UsersAPI.CreateUser(app.UserInput.createFrom(input)));

export const useChangeRole = () =>
  useUserMutation(({ id, role }: { id: string; role: string }) => UsersAPI.ChangeRole(id, role));

export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: string; password: string }) => UsersAPI.ResetPassword(id, password));

export const useSetUserPIN = () => useUserMutation(({ id, pin }: { id: string; pin: string }) => UsersAPI.SetPIN(id, pin));

export const useDeactivateUser = () => useUserMutation((id: string) => UsersAPI.Deactivate(id));

export const useReactivateUser = () => useUserMutation((id: string) => UsersAPI.Reactivate(id));

export const useUnlockUser = () => useUserMutation((id: string) => UsersAPI.Unlock(id));
