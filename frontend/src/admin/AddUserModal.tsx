import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCreateUser } from '../api/users';
import { applyApiError, type ApiError } from '../api/errors';
import type { UserInput } from '../api/types';
import { digitsOnly } from '../auth/validation';
import { ROLE_OPTIONS, emptyUser, needsPin, validateUser } from './userForm';
import { SecretInput } from '../auth/SecretInput';

const FIELDS = ['name', 'fullName', 'role', 'password', 'pin'];

/** Adds a user; the PIN is required for counter and warehouse staff. */
export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm<UserInput>({ initialValues: emptyUser, validate: validateUser });
  const create = useCreateUser();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const pinRole = needsPin(form.values.role);

  const close = () => {
    form.reset();
    setGeneral(null);
    onClose();
  };

  const submit = (values: UserInput) => {
    setGeneral(null);
    create.mutate(
      { ...values, name: values.name.trim(), fullName: values.fullName.trim() },
      {
        onSuccess: (user) => {
          notifications.show({ color: 'green', message: `User ${user.name} added.` });
          close();
        },
        onError: (err) => setGeneral(applyApiError(form, err, FIELDS)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Add user">
      <form onSubmit={form.onSubmit(submit)} aria-label="Add user">
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <TextInput label="User name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Full name" withAsterisk {...form.getInputProps('fullName')} />
          <Select
            label="Role"
            withAsterisk
            allowDeselect={false}
            data={ROLE_OPTIONS}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('role')}
            onChange={(v) => form.setFieldValue('role', v ?? '')}
          />
          <SecretInput
            label={pinRole ? 'Password (optional)' : 'Password'}
            description="At least 8 characters"
            withAsterisk={!pinRole}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <SecretInput
            label={pinRole ? 'PIN' : 'PIN (optional)'}
            description="4 to 8 digits"
            withAsterisk={pinRole}
            inputMode="numeric"
            autoComplete="off"
            {...form.getInputProps('pin')}
            onChange={(e) => form.setFieldValue('pin', digitsOnly(e.currentTarget.value))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
