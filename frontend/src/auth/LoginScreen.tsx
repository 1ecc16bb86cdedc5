import { useState } from 'react';
import { Alert, Anchor, Button, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useLoginUsers } from '../api/auth';
import type { LoginUser } from '../api/types';
import { PasswordLoginForm } from './PasswordLoginForm';
import { PinLoginForm } from './PinLoginForm';
import { UserPicker } from './UserPicker';

type Mode = { kind: 'pick' } | { kind: 'user'; user: LoginUser } | { kind: 'name' };

/** Sign-in: pick a user (PIN or password), or type a name and password. */
export function LoginScreen() {
  const users = useLoginUsers();
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>({ kind: 'pick' });
  const signedIn = () => void navigate('/', { replace: true });
  const back = () => setMode({ kind: 'pick' });

  let body: React.ReactNode;
  if (mode.kind === 'user') {
    const { user } = mode;
    body = (
      <Stack>
        <Text>
          Signing in as <strong>{user.fullName || user.name}</strong>
        </Text>
        {user.hasPin ? (
          <PinLoginForm key={user.id} user={user} onSignedIn={signedIn} onBack={back} />
        ) : (
          <PasswordLoginForm
            key={user.id}
            name={user.name}
            label={`Sign in as ${user.fullName || user.name}`}
            onSignedIn={signedIn}
            onBack={back}
          />
        )}
      </Stack>
    );
  } else if (mode.kind === 'name') {
    body = <PasswordLoginForm label="Sign in with name and password" onSignedIn={signedIn} onBack={back} />;
  } else if (users.isPending) {
    body = <Loader aria-label="Loading users" />;
  } else if (users.error) {
    body = (
      <Alert color="red" title="Users could not be loaded" role="alert">
        {users.error.message}
      </Alert>
    );
  } else {
    body = <UserPicker users={users.data} onPick={(user) => setMode({ kind: 'user', user })} />;
  }

  return (
    <Container size="xs" py="xl">
      <Paper withBorder p="lg" component="main">
        <Stack>
          <Title order={1}>Sign in</Title>
          {body}
          {mode.kind === 'pick' && (
            <Anchor component="button" type="button" onClick={() => setMode({ kind: 'name' })}>
              Sign in with name and password
            </Anchor>
          )}
          {mode.kind === 'pick' && (
            <Button variant="subtle" size="xs" onClick={() => void users.refetch()} loading={users.isFetching}>
              Refresh user list
            </Button>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
