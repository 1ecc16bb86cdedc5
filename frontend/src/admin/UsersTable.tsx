import { ActionIcon, Badge, Menu, Table, Text } from '@mantine/core';
import type { UserView } from '../api/types';
import { formatDateTime, isLockedNow } from '../shell/format';
import { roleLabel } from '../shell/roles';
import type { UserAction } from './UserActionModal';

interface Props {
  users: UserView[];
  currentUserId: string;
  onAction: (action: UserAction, user: UserView) => void;
  onReactivate: (user: UserView) => void;
  onUnlock: (user: UserView) => void;
}

/** The users with their state, and a menu of actions per user. */
export function UsersTable({ users, currentUserId, onAction, onReactivate, onUnlock }: Props) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Full name</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">PIN</Table.Th>
            <Table.Th scope="col">Active</Table.Th>
            <Table.Th scope="col">Locked</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => {
            const locked = isLockedNow(u.lockedUntil);
            return (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {u.name}
                  {u.id === currentUserId && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (you)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{u.fullName}</Table.Td>
                <Table.Td>{roleLabel(u.role)}</Table.Td>
                <Table.Td>{u.hasPin ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>
                  {u.active ? (
                    'Yes'
                  ) : (
                    <Badge color="gray" variant="light">
                      No
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {locked ? (
                    <Badge color="red" variant="light">
                      Until {formatDateTime(u.lockedUntil)}
                    </Badge>
                  ) : (
                    'No'
                  )}
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="default" aria-label={`Actions for ${u.name}`}>
                        ⋯
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => onAction('role', u)}>Change role</Menu.Item>
                      <Menu.Item onClick={() => onAction('password', u)}>Reset password</Menu.Item>
                      <Menu.Item onClick={() => onAction('pin', u)}>Set PIN</Menu.Item>
                      {locked && <Menu.Item onClick={() => onUnlock(u)}>Unlock</Menu.Item>}
                      {u.active ? (
                        <Menu.Item color="red" disabled={u.id === currentUserId} onClick={() => onAction('deactivate', u)}>
                          Deactivate
                        </Menu.Item>
                      ) : (
                        <Menu.Item onClick={() => onReactivate(u)}>Reactivate</Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
