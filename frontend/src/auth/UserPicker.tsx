import { useEffect, useRef } from 'react';
import { Avatar, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { LoginUser } from '../api/types';
import { roleLabel } from '../shell/roles';
import classes from './UserPicker.module.css';

function initials(user: LoginUser): string {
  const words = (user.fullName || user.name).trim().split(/\s+/);
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

/** The active users as buttons; the first one takes the focus. */
export function UserPicker({ users, onPick }: { users: LoginUser[]; onPick: (user: LoginUser) => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  if (users.length === 0) {
    return <Text c="dimmed">No users to pick from. Sign in with name and password.</Text>;
  }
  return (
    <Stack gap="xs" role="list" aria-label="Users">
      {users.map((u, i) => (
        <div role="listitem" key={u.id}>
          <UnstyledButton
            ref={i === 0 ? first : undefined}
            className={classes.user}
            onClick={() => onPick(u)}
            aria-label={`${u.fullName || u.name}, ${roleLabel(u.role)}`}
          >
            <Group wrap="nowrap">
              <Avatar color="blue" radius="xl" aria-hidden>
                {initials(u)}
              </Avatar>
              <div>
                <Text fw={500}>{u.fullName || u.name}</Text>
                <Text size="sm" c="dimmed">
                  {roleLabel(u.role)} · {u.hasPin ? 'PIN' : 'password'}
                </Text>
              </div>
            </Group>
          </UnstyledButton>
        </div>
      ))}
    </Stack>
  );
}
