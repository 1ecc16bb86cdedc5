import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { applyApiError, type ApiError } from '../api/errors';
import type { UserView } from '../api/types';
import { useChangeRole, useDeactivateUser, useResetPassword, useSetUserPIN } from '../api/users';
import { confirmError, digitsOnly, passwordError, pinError } from '../auth/validation';
import { roleLabel } from '../shell/roles';
import { ROLE_OPTIONS } from './userForm';
import { SecretInput } from '../auth/SecretInput';

export type UserAction = 'role' | 'password' | 'pin' | 'deactivate';

const TITLES: Record<UserAction, string> = {
  role: 'Change role',
  password: 'Reset password',
  pin: 'Set PIN',
  deactivate: 'Deactivate user',
};

interface Values {
  role: string;
  password: string;
  confirm: string;
  pin: string;
}

function validate(action: UserAction) {
  return (v: Values): Record<string, string> => {
    const errors: Record<string, string | null> = {};
    if (action === 'role') errors.role = v.role ? null : 'Choose a role.';
    if (action === 'password') {
      errors.password = passwordError(v.password);
      errors.confirm = confirmError(v.password, v.confirm);
    }
    if (action === 'pin') errors.pin = pinError(v.pin);
    return Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => e[1] !== null));
  };
}

interface Props {
  action: UserAction;
  user: UserView;
  onClose: () => void;
}

/** One dialog per admin action on a user; the parent mounts it with a key per user and action. */
export function UserActionModal({ action, user, onClose }: Props) {
  const form = useForm<Values>({
    initialValues: { role: user.role, password: '', confirm: '', pin: '' },
    validate: validate(action),
  });
  const [general, setGeneral] = useState<ApiError | null>(null);
  const changeRole = useChangeRole();
  const resetPassword = useResetPassword();
  const setPin = useSetUserPIN();
  const deactivate = useDeactivateUser();
  const pending = changeRole.isPending || resetPassword.isPending || setPin.isPending || deactivate.isPending;
  const who = user.fullName || user.name;

  const done = (message: string) => {
    notifications.show({ color: 'green', message });
    onClose();
  };
  const failed = (err: ApiError) => setGeneral(applyApiError(form, err, ['role', 'password', 'pin']));

  const submit = (v: Values) => {
    setGeneral(null);
    const handlers = { onError: failed };
    if (action === 'role')
      changeRole.mutate({ id: user.id, role: v.role }, { ...handlers, onSuccess: () => done(`${who} is now ${roleLabel(v.role)}.`) });
    if (action === 'password')
      resetPassword.mutate(
        { id: user.id, password: v.password },
        { ...handlers, onSuccess: () => done(`Password of ${who} reset.`) },
      );
    if (action === 'pin')
      setPin.mutate({ id: user.id, pin: v.pin }, { ...handlers, onSuccess: () => done(`PIN of ${who} set.`) });
    if (action === 'deactivate') deactivate.mutate(user.id, { ...handlers, onSuccess: () => done(`${who} deactivated.`) });
  };

  return (
    <Modal opened onClose={onClose} title={`${TITLES[action]}: ${who}`}>
      <form onSubmit={form.onSubmit(submit)} aria-label={TITLES[action]}>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          {action === 'role' && (
            <Select
              label="Role"
              data-autofocus
              allowDeselect={false}
              data={ROLE_OPTIONS}
              {...form.getInputProps('role')}
              onChange={(v) => form.setFieldValue('role', v ?? '')}
            />
          )}
          {action === 'password' && (
            <>
              <SecretInput label="New password" data-autofocus autoComplete="new-password" {...form.getInputProps('password')} />
              <SecretInput label="Confirm new password" autoComplete="new-password" {...form.getInputProps('confirm')} />
            </>
          )}
          {action === 'pin' && (
            <SecretInput
              label="New PIN"
              description="4 to 8 digits"
              data-autofocus
              inputMode="numeric"
              autoComplete="off"
              {...form.getInputProps('pin')}
              onChange={(e) => form.setFieldValue('pin', digitsOnly(e.currentTarget.value))}
            />
          )}
          {action === 'deactivate' && (
            <Text>
              {who} will no longer be able to sign in. Their history stays. You can reactivate them later.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              color={action === 'deactivate' ? 'red' : undefined}
              loading={pending}
              data-autofocus={action === 'deactivate' ? true : undefined}
            >
              {TITLES[action]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
