import { useEffect } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSession, useSetupStatus } from '../api/auth';
import { useBackendEvents } from '../api/events';
import { LockScreen } from '../auth/LockScreen';
import { LoginScreen } from '../auth/LoginScreen';
import { SetupWizard } from '../auth/SetupWizard';
import { AppRoutes } from './AppRoutes';

/** Chooses the screen for the app's state: first-run setup, sign-in, lock screen, or the app. */
export function Gate() {
  useBackendEvents();
  const setup = useSetupStatus();
  const session = useSession();
  const who = session.data?.loggedIn ? session.data.user.id : '';

  // Messages meant for one user must not greet the next one.
  useEffect(() => {
    notifications.clean();
  }, [who]);

  if (setup.isPending || session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  const failed = setup.error ?? session.error;
  if (failed) {
    return (
      <Center h="100vh" p="md">
        <Stack maw={480}>
          <Alert color="red" title="The app could not reach its backend">
            {failed.message}
          </Alert>
          <Button
            onClick={() => {
              void setup.refetch();
              void session.refetch();
            }}
          >
            Try again
          </Button>
        </Stack>
      </Center>
    );
  }
  if (setup.data?.needsSetup) return <SetupWizard deviceName={setup.data.deviceName} />;
  if (!session.data?.loggedIn) return <LoginScreen />;
  if (session.data.locked) return <LockScreen session={session.data} />;
  return <AppRoutes session={session.data} />;
}
