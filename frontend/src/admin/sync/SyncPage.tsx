import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyApiError, type ApiError } from '../../api/errors';
import { useEnrol, useReenrol, useSyncInbox, useSyncNow, useSyncState, type SyncState } from '../../api/sync';
import { formatDateTime } from '../../shell/format';
import { ENROL_FIELDS, directionLabel, inboxWhat, isCopyError, stateRows, validateEnrol, type EnrolFormValues } from './syncText';

/** Admin → Sync: enrol this workstation with the business's sync server, then watch it sync. */
export function SyncPage() {
  const state = useSyncState();
  if (state.isPending) return <Loader aria-label="Loading the sync state" />;
  if (state.error) {
    return (
      <Alert color="red" title="The sync state could not be loaded" role="alert">
        {state.error.message}
      </Alert>
    );
  }
  return state.data.enrolled ? <Enrolled state={state.data} /> : <EnrolForm />;
}

function EnrolForm() {
  const enrol = useEnrol();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<EnrolFormValues>({ initialValues: { serverUrl: '', token: '' }, validate: validateEnrol });
  const submit = (v: EnrolFormValues) => {
    setGeneral(null);
    enrol.mutate(v, {
      onSuccess: (st) => notifications.show({ color: 'green', message: `Enrolled as station ${st.stationCode}.` }),
      onError: (err) => setGeneral(applyApiError(form, err, ENROL_FIELDS)),
    });
  };
  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={form.onSubmit(submit)} aria-label="Enrol with a sync server">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Enrol with a sync server
          </Title>
          <Text size="sm" c="dimmed">
            This workstation works on its own. To share orders, stock and customers with the business’s other
            workstations, enrol it with the sync server using a one-time token from the server’s admin (oms token).
          </Text>
          {general && (
            <Alert color="red" title="Not enrolled" role="alert">
              {general.message}
            </Alert>
          )}
          <TextInput label="Server address" placeholder="https://oms.example.com:8470" withAsterisk {...form.getInputProps('serverUrl')} />
          <TextInput label="Enrolment token" withAsterisk autoComplete="off" {...form.getInputProps('token')} />
          <Group justify="flex-end">
            <Button type="submit" loading={enrol.isPending}>
              Enrol
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * The server refused this database as a copy of an enrolled workstation
 * (restored from a backup, or copied to another machine): enrol it again as
 * a new station, keeping the changes that wait here.
 */
function ReenrolForm({ serverUrl }: { serverUrl: string }) {
  const reenrol = useReenrol();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<EnrolFormValues>({ initialValues: { serverUrl, token: '' }, validate: validateEnrol });
  const submit = (v: EnrolFormValues) => {
    setGeneral(null);
    reenrol.mutate(v, {
      onSuccess: (st) => notifications.show({ color: 'green', message: `Enrolled again as station ${st.stationCode}.` }),
      onError: (err) => setGeneral(applyApiError(form, err, ENROL_FIELDS)),
    });
  };
  return (
    <form onSubmit={form.onSubmit(submit)} aria-label="Enrol again as a new station">
      <Stack gap="xs">
        <Text size="sm">
          Enrol this workstation again as a new station with a new token from the server’s admin (oms token). The
          changes waiting here are kept and sent; those the original station sent already are refused with a reason.
        </Text>
        {general && (
          <Alert color="red" title="Not enrolled" role="alert">
            {general.message}
          </Alert>
        )}
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Server address" withAsterisk style={{ flex: 1, minWidth: 220 }} {...form.getInputProps('serverUrl')} />
          <TextInput label="New enrolment token" withAsterisk autoComplete="off" style={{ flex: 1, minWidth: 220 }} {...form.getInputProps('token')} />
          <Button type="submit" loading={reenrol.isPending}>
            Enrol again
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Enrolled({ state }: { state: SyncState }) {
  const syncNow = useSyncNow();
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="sync-state-title">
        <Stack gap="sm">
          <Group justify="space-between">
            <Group gap="sm">
              <Title order={2} size="h4" id="sync-state-title">
                Sync server
              </Title>
              <Badge color={state.online ? 'green' : 'gray'} variant="light">
                {state.online ? 'Online' : 'Offline'}
              </Badge>
              {state.running && (
                <Group gap={6} aria-live="polite">
                  <Loader size="xs" />
                  <Text size="sm">Syncing…</Text>
                </Group>
              )}
            </Group>
            <Button
              loading={syncNow.isPending}
              disabled={state.running}
              onClick={() =>
                syncNow.mutate(undefined, {
                  onError: (err) => notifications.show({ color: 'red', title: 'Not synced', message: err.message }),
                })
              }
            >
              Sync now
            </Button>
          </Group>
          {state.upgrade && (
            <Alert color="orange" title="Upgrade required" role="alert">
              The sync server no longer accepts this version of OMS. Install the new version on this workstation: the
              changes made here are kept and sync after the upgrade.
            </Alert>
          )}
          {state.lastError && (
            <Alert color="red" title="Last error" role="alert">
              {state.lastError}
            </Alert>
          )}
          {isCopyError(state.lastError) && <ReenrolForm serverUrl={state.serverUrl} />}
          {state.clockWarning && (
            <Alert color="yellow" title="Clock">
              {state.clockWarning}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} component="dl" m={0} aria-label="Sync state">
            {stateRows(state).map((r) => (
              <Group key={r.label} gap="xs" wrap="nowrap" align="baseline">
                <Text component="dt" size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
                  {r.label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                  {r.value}
                </Text>
              </Group>
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Inbox />
    </Stack>
  );
}

function Inbox() {
  const inbox = useSyncInbox(200);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Sync inbox
      </Title>
      <Text size="sm" c="dimmed">
        Changes the server refused and changes from other workstations that could not be applied here. One bad record
        never holds up the others.
      </Text>
      {inbox.isPending && <Loader aria-label="Loading the inbox" />}
      {inbox.error && (
        <Alert color="red" role="alert">
          {inbox.error.message}
        </Alert>
      )}
      {inbox.data && inbox.data.total === 0 && (
        <Text size="sm" c="dimmed">
          Nothing was refused: every change synced.
        </Text>
      )}
      {inbox.data && inbox.data.total > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label="Sync inbox" striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Direction</Table.Th>
                <Table.Th scope="col">What</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inbox.data.entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>
                    <Badge color={e.direction === 'push' ? 'red' : 'orange'} variant="light" style={{ flexShrink: 0 }}>
                      {directionLabel(e.direction)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{inboxWhat(e)}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {inbox.data.total > inbox.data.entries.length && (
            <Text size="xs" c="dimmed">
              The newest {inbox.data.entries.length} of {inbox.data.total}.
            </Text>
          )}
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
