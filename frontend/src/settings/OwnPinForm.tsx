import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useChangeOwnPIN } from '../api/auth';
import { formFieldFor } from '../api/errors';
import { digitsOnly, pinError } from '../auth/validation';
import { SecretInput } from '../auth/SecretInput';

interface Values {
  password: string;
  pin: string;
}

/** Sets or removes the signed-in user's PIN; the password proves it is them. */
export function OwnPinForm({ hasPin }: { hasPin: boolean }) {
  const form = useForm<Values>({
    initialValues: { password: '', pin: '' },
    validate: {
      password: (v) => (v === '' ? 'Enter your password.' : null),
      pin: (v) => pinError(v, hasPin),
    },
  });
  const change = useChangeOwnPIN();

  const submit = (v: Values) =>
    change.mutate(v, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'green', message: v.pin === '' ? 'Your PIN was removed.' : 'Your PIN was changed.' });
      },
      onError: (err) => form.setFieldError(formFieldFor(err, ['password', 'pin']) ?? 'password', err.message),
    });

  return (
    <form onSubmit={form.onSubmit(submit)} aria-label="Change my PIN">
      <Stack gap="sm" maw={420}>
        <SecretInput label="Current password or PIN" description="Your password, or your current PIN if you have no password" autoComplete="current-password" {...form.getInputProps('password')} />
        <SecretInput
          label="New PIN"
          description={hasPin ? '4 to 8 digits; leave empty to remove your PIN' : '4 to 8 digits'}
          inputMode="numeric"
          autoComplete="off"
          {...form.getInputProps('pin')}
          onChange={(e) => form.setFieldValue('pin', digitsOnly(e.currentTarget.value))}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {hasPin ? 'Change PIN' : 'Set PIN'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
