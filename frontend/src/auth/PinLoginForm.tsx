import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useLoginPIN } from '../api/auth';
import type { LoginUser } from '../api/types';
import { PinPad } from './PinPad';
import { digitsOnly, pinError } from './validation';
import { SecretInput } from './SecretInput';

interface Props {
  user: LoginUser;
  onSignedIn: () => void;
  onBack: () => void;
}

/** PIN sign-in for a picked user: digits only, Enter submits, errors shown at the PIN. */
export function PinLoginForm({ user, onSignedIn, onBack }: Props) {
  const form = useForm({ initialValues: { pin: '' }, validate: { pin: (v: string) => pinError(v) } });
  const login = useLoginPIN();

  const submit = ({ pin }: { pin: string }) =>
    login.mutate(
      { userId: user.id, pin },
      {
        onSuccess: onSignedIn,
        onError: (err) => {
          form.setFieldValue('pin', '');
          form.setFieldError('pin', err.message);
        },
      },
    );

  return (
    <form onSubmit={form.onSubmit(submit)} aria-label={`Sign in as ${user.fullName}`}>
      <Stack>
        <SecretInput
          label="PIN"
          autoFocus
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          {...form.getInputProps('pin')}
          onChange={(e) => form.setFieldValue('pin', digitsOnly(e.currentTarget.value))}
        />
        <PinPad value={form.values.pin} onChange={(pin) => form.setFieldValue('pin', pin)} disabled={login.isPending} />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            Back
          </Button>
          <Button type="submit" loading={login.isPending}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
