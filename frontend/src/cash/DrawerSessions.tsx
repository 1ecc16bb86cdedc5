import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Pagination, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDrawerReport, useDrawerSessions } from '../api/cash';
import type { DrawerSession } from '../api/orders';
import { useStatus } from '../api/status';
import { shortDateTime } from '../orders/ordersList';
import { DrawerReportCard } from './DrawerReportCard';

const PAGE_SIZE = 10;

/** "1 session", "12 sessions". */
function sessionsText(total: number): string {
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'session' : 'sessions'}`;
}

/** The drawer sessions of every workstation, newest first, paged; a session's report opens from its row. */
export function DrawerSessions({ money }: { money: (minor: number) => string }) {
  const [page, setPage] = useState(0);
  const sessions = useDrawerSessions(PAGE_SIZE, page * PAGE_SIZE);
  const status = useStatus();
  const [chosen, setChosen] = useState<DrawerSession | null>(null);
  const items = sessions.data?.items ?? [];
  const total = sessions.data?.total ?? 0;
  const pages = Math.ceil(total / PAGE_SIZE);
  const thisDevice = status.data?.device?.id ?? '';
  const workstation = (d: DrawerSession) =>
    d.deviceId === thisDevice ? (status.data?.device?.name ?? 'This workstation') : `Other (${d.deviceId.slice(0, 8)})`;

  return (
    <Stack gap="xs">
      {sessions.isError && (
        <Alert color="red" role="alert">
          {sessions.error.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label="Drawer sessions" striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Opened</Table.Th>
              <Table.Th scope="col">Opened by</Table.Th>
              <Table.Th scope="col">Closed</Table.Th>
              <Table.Th scope="col">Closed by</Table.Th>
              <Table.Th scope="col">Workstation</Table.Th>
              <Table.Th scope="col" ta="right">
                Opening float
              </Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Report</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text c="dimmed" ta="center">
                    {sessions.isPending ? 'Loading sessions…' : 'No drawer sessions yet.'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((d) => (
              <Table.Tr key={d.id} style={{ cursor: 'pointer' }} onClick={() => setChosen(d)}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDateTime(d.openedAt)}</Table.Td>
                <Table.Td>{d.openedByName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.closedAt ? shortDateTime(d.closedAt) : ''}</Table.Td>
                <Table.Td>{d.closedByName}</Table.Td>
                <Table.Td>{workstation(d)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {money(d.openingFloat)}
                </Table.Td>
                <Table.Td>
                  {d.status === 'open' ? (
                    <Badge color="green" variant="light">
                      Open
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      Closed
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Report of the session opened ${shortDateTime(d.openedAt)}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      setChosen(d);
                    }}
                  >
                    Report
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" display={total > 0 ? undefined : 'none'}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {total > 0 ? sessionsText(total) : ''}
        </Text>
        {pages > 1 && (
          <Pagination
            total={pages}
            value={page + 1}
            onChange={(p) => setPage(p - 1)}
            getControlProps={(c) => ({ 'aria-label': c === 'previous' ? 'Previous page' : c === 'next' ? 'Next page' : c })}
          />
        )}
      </Group>
      <Modal opened={!!chosen} onClose={() => setChosen(null)} title="End-of-day report" size="xl">
        {chosen && <SessionReport session={chosen} money={money} />}
      </Modal>
    </Stack>
  );
}

function SessionReport({ session, money }: { session: DrawerSession; money: (minor: number) => string }) {
  const report = useDrawerReport(session.id);
  if (report.isError) {
    return (
      <Alert color="red" role="alert">
        {report.error.message}
      </Alert>
    );
  }
  if (!report.data) return <Text c="dimmed">Loading the report…</Text>;
  return <DrawerReportCard report={report.data} money={money} />;
}
