import { useState } from 'react';
import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiError } from '../api/errors';
import type { UserView } from '../api/types';
import { useReactivateUser, useUnlockUser, useUsers } from '../api/users';
import { AddUserModal } from './AddUserModal';
import { UserActionModal, type UserAction } from './UserActionModal';
import { UsersTable } from './UsersTable';

/** Admin > Users: list, add, and per-user actions. */
export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const reactivate = useReactivateUser();
  const unlock = useUnlockUser();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<{ action: UserAction; user: UserView } | null>(null);

  const failed = (err: ApiError) => notifications.show({ color: 'red', title: 'Not done', message: err.message });
  const ok = (message: string) => notifications.show({ color: 'green', message });

  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setAdding(true)}>Add user</Button>
      </Group>
      {users.isPending && <Loader aria-label="Loading users" />}
      {users.error && (
        <Alert color="red" title="Users could not be loaded" role="alert">
          {users.error.message}
        </Alert>
      )}
      {users.data && (
        <UsersTable
          users={users.data}
          currentUserId={currentUserId}
          onAction={(action, user) => setOpen({ action, user })}
          onReactivate={(u) => reactivate.mutate(u.id, { onSuccess: () => ok(`${u.name} reactivated.`), onError: failed })}
          onUnlock={(u) => unlock.mutate(u.id, { onSuccess: () => ok(`${u.name} unlocked.`), onError: failed })}
        />
      )}
      <AddUserModal opened={adding} onClose={() => setAdding(false)} />
      {open && (
        <UserActionModal
          key={`${open.action}:${open.user.id}`}
          action={open.action}
          user={open.user}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
