import { Alert, Card, Kbd, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useStatus } from '../api/status';
import type { SessionInfo } from '../api/types';
import { PageTitle } from '../shell/PageTitle';
import { roleLabel } from '../shell/roles';
import { SHORTCUTS } from '../shell/useGlobalShortcuts';

/** The counter station's home: who is signed in where, and the keyboard shortcuts. */
export function CounterPage({ session }: { session: SessionInfo }) {
  const status = useStatus();
  const device = status.data?.device;
  const { user } = session;

  return (
    <Stack maw={900}>
      <PageTitle>Counter</PageTitle>
      <Alert color="blue" title="Order entry is not here yet">
        Scanning items, taking payment and printing invoices come with the Orders module in a later version.
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4">
            Signed in
          </Title>
          <Text>{user.fullName || user.name}</Text>
          <Text size="sm" c="dimmed">
            {roleLabel(user.role)} · user name {user.name}
          </Text>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4">
            Station
          </Title>
          <Text>{device?.name ?? '…'}</Text>
          <Text size="sm" c="dimmed">
            {device?.stationCode ? `Station code ${device.stationCode}` : 'No station code: not enrolled with a sync server'}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Keyboard shortcuts
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Keys</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SHORTCUTS.map((s) => (
              <Table.Tr key={s.keys}>
                <Table.Td>
                  <Kbd>{s.keys}</Kbd>
                </Table.Td>
                <Table.Td>{s.action}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
