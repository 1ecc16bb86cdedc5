import { Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useLogout, useUnlock } from '../api/auth';
import type { SessionInfo } from '../api/types';
import { roleLabel } from '../shell/roles';
import { SecretInput } from './SecretInput';

/** The session is kept but hidden: the same user unlocks with PIN or password, or switches user. */
export function LockScreen({ session }: { session: SessionInfo }) {
  const { user } = session;
  const label = user.hasPin ? 'PIN or password' : 'Password';
  const form = useForm({
    initialValues: { secret: '' },
    validate: { secret: (v: string) => (v === '' ? `Enter your ${label.toLowerCase()}.` : null) },
  });
  const unlock = useUnlock();
  const logout = useLogout();

  const submit = ({ secret }: { secret: string }) =>
    unlock.mutate(secret, {
      onError: (err) => {
        form.setFieldValue('secret', '');
        form.setFieldError('secret', err.message);
      },
    });

  return (
    <Container size="xs" py="xl">
      <Paper withBorder p="lg" component="main">
        <form onSubmit={form.onSubmit(submit)} aria-label="Unlock">
          <Stack>
            <Title order={1}>Locked</Title>
            <Text>
              <strong>{user.fullName || user.name}</strong> ({roleLabel(user.role)}) is signed in.
            </Text>
            <SecretInput label={label} autoFocus autoComplete="off" {...form.getInputProps('secret')} />
            <Group justify="space-between">
              <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
                Switch user
              </Button>
              <Button type="submit" loading={unlock.isPending}>
                Unlock
              </Button>
            </Group>
            {logout.error && (
              <Text c="red" role="alert">
                {logout.error.message}
              </Text>
            )}
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
