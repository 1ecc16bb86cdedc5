import { useCallback, useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { applyApiError, type ApiError } from '../api/errors';
import { useJoinServer, useSyncProgress, type SyncProgress } from '../api/sync';
import { ENROL_FIELDS, progressText, validateEnrol, type EnrolFormValues } from '../admin/sync/syncText';

/**
 * First run, the other way in: enrol with the sync server of an existing
 * business and receive its company and users, then sign in as usual. The
 * Gate shows the sign-in screen once the setup status says it is set up.
 */
export function JoinServerForm() {
  const join = useJoinServer();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const form = useForm<EnrolFormValues>({ initialValues: { serverUrl: '', token: '' }, validate: validateEnrol });
  useSyncProgress(useCallback((p: SyncProgress) => setProgress(p), []), join.isPending);

  const submit = (v: EnrolFormValues) => {
    setGeneral(null);
    setProgress(null);
    join.mutate(v, { onError: (err) => setGeneral(applyApiError(form, err, ENROL_FIELDS)) });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} aria-label="Join an existing business">
      <Stack mt="md" gap="sm">
        <Text size="sm" c="dimmed">
          Another workstation of your business already runs OMS with a sync server. Ask its admin for a one-time
          enrolment token (oms token on the server): this workstation receives the company, users, products, customers
          and orders, and you sign in with your usual account.
        </Text>
        {general && (
          <Alert color="red" title="Could not join" role="alert">
            {general.message}
          </Alert>
        )}
        <TextInput label="Server address" placeholder="https://oms.example.com:8470" withAsterisk autoFocus {...form.getInputProps('serverUrl')} />
        <TextInput label="Enrolment token" withAsterisk autoComplete="off" {...form.getInputProps('token')} />
        {join.isPending && (
          <Group gap="xs" aria-live="polite" role="status">
            <Loader size="xs" />
            <Text size="sm">{progressText(progress)}</Text>
          </Group>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={join.isPending}>
            Join
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
