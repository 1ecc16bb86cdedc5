import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useLoginPassword } from '../api/auth';
import { formFieldFor } from '../api/errors';
import { SecretInput } from './SecretInput';

interface Props {
  /** The picked user's login name; when absent the form asks for it. */
  name?: string;
  label: string;
  onSignedIn: () => void;
  onBack?: () => void;
}

/** Name and password sign-in, for a picked user (name fixed) or by typing the name. */
export function PasswordLoginForm({ name, label, onSignedIn, onBack }: Props) {
  const askName = name === undefined;
  const form = useForm({
    initialValues: { name: name ?? '', password: '' },
    validate: {
      name: (v: string) => (v.trim() === '' ? 'Enter your user name.' : null),
      password: (v: string) => (v === '' ? 'Enter your password.' : null),
    },
  });
  const login = useLoginPassword();

  const submit = (values: { name: string; password: string }) => {
    login.mutate(
      { name: values.name.trim(), password: values.password },
      {
        onSuccess: onSignedIn,
        onError: (err) => {
          form.setFieldValue('password', '');
          // Wrong credentials and lockouts name no field: they belong at the password.
          form.setFieldError(formFieldFor(err, ['name', 'password']) ?? 'password', err.message);
        },
      },
    );
  };

  return (
    <form onSubmit={form.onSubmit(submit)} aria-label={label}>
      <Stack>
        {askName && <TextInput label="User name" autoFocus autoComplete="username" {...form.getInputProps('name')} />}
        <SecretInput
          label="Password"
          autoFocus={!askName}
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <Group justify={onBack ? 'space-between' : 'flex-end'}>
          {onBack && (
            <Button variant="default" onClick={onBack}>
              Back
            </Button>
          )}
          <Button type="submit" loading={login.isPending}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
