import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useChangeOwnPassword } from '../api/auth';
import { formFieldFor } from '../api/errors';
import { confirmError, passwordError } from '../auth/validation';
import { SecretInput } from '../auth/SecretInput';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

/** Changes the signed-in user's password; the current one proves it is them. */
export function OwnPasswordForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const form = useForm<Values>({
    initialValues: { current: '', next: '', confirm: '' },
    validate: {
      current: (v) => (v === '' ? 'Enter your current password.' : null),
      next: (v) => passwordError(v),
      confirm: (v, all) => confirmError(all.next, v),
    },
  });
  const change = useChangeOwnPassword();

  const submit = (v: Values) =>
    change.mutate(
      { current: v.current, next: v.next },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: 'Your password was changed.' });
        },
        // The backend names "current" or "next"; anything else is about the current password.
        onError: (err) => form.setFieldError(formFieldFor(err, ['current', 'next']) ?? 'current', err.message),
      },
    );

  return (
    <form onSubmit={form.onSubmit(submit)} aria-label="Change my password">
      <Stack gap="sm" maw={420}>
        <SecretInput label="Current password" description="Staff without a password: your PIN" autoFocus={autoFocus} autoComplete="current-password" {...form.getInputProps('current')} />
        <SecretInput label="New password" description="At least 8 characters" autoComplete="new-password" {...form.getInputProps('next')} />
        <SecretInput label="Confirm new password" autoComplete="new-password" {...form.getInputProps('confirm')} />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
