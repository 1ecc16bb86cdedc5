import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Loader, Modal, Pagination, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiError } from '../../api/errors';
import {
  useDeleteSchedule,
  useJobRuns,
  useJobSchedules,
  useJobsEvents,
  useRunNow,
  useUpdateSchedule,
  type JobRun,
  type JobSchedule,
} from '../../api/jobs';
import { formatDateTime } from '../../shell/format';
import { ScheduleModal } from './ScheduleModal';
import { KIND_LABELS, STATUS_LABELS, describeSpec, formatDuration, formValuesOf, inputOf } from './jobText';

const RUNS_PER_PAGE = 10;

function StatusBadge({ run }: { run: JobRun }) {
  const s = STATUS_LABELS[run.status] ?? { label: run.status, color: 'gray' };
  return (
    <Badge color={s.color} variant="light" style={{ flexShrink: 0 }}>
      {s.label}
    </Badge>
  );
}

/** Admin → Jobs: this workstation's scheduled jobs, edited, run now, with their history. */
export function JobsPage() {
  useJobsEvents();
  const schedules = useJobSchedules();
  const update = useUpdateSchedule();
  const runNow = useRunNow();
  const remove = useDeleteSchedule();
  const [editing, setEditing] = useState<JobSchedule | null>(null);
  const [adding, setAdding] = useState(false);
  const [selectedId, setSelectedId] = useState('');
  const [deleting, setDeleting] = useState<JobSchedule | null>(null);
  const failed = (err: ApiError) => notifications.show({ color: 'red', title: 'Not done', message: err.message });

  const list = schedules.data ?? [];
  const selected = list.find((s) => s.id === selectedId) ?? list[0] ?? null;

  const toggle = (s: JobSchedule, enabled: boolean) =>
    update.mutate({ id: s.id, input: inputOf(s.kind, { ...formValuesOf(s), enabled }) }, { onError: failed });

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Jobs run on this workstation while OMS is open. A job that was due while it was closed runs once when it starts again.
      </Text>
      <Group>
        <Button onClick={() => setAdding(true)}>Add report schedule</Button>
      </Group>
      {schedules.isPending && <Loader aria-label="Loading schedules" />}
      {schedules.error && (
        <Alert color="red" title="The schedules could not be loaded" role="alert">
          {schedules.error.message}
        </Alert>
      )}
      {schedules.data && (
        <Table.ScrollContainer minWidth={960}>
          <Table aria-label="Schedules" verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name and kind</Table.Th>
                <Table.Th scope="col">Schedule</Table.Th>
                <Table.Th scope="col">Enabled</Table.Th>
                <Table.Th scope="col">Next run</Table.Th>
                <Table.Th scope="col">Last run</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <Table.Tr key={s.id} bg={selected?.id === s.id ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Table.Td>
                    <Text size="sm">{s.name}</Text>
                    <Text size="xs" c="dimmed">
                      {KIND_LABELS[s.kind] ?? s.kind}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{describeSpec(s.spec) ?? 'Custom schedule'}</Text>
                    <Code style={{ whiteSpace: 'nowrap' }}>{s.spec}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Enabled: ${s.name}`}
                      checked={s.enabled}
                      disabled={update.isPending}
                      onChange={(e) => toggle(s, e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.enabled ? formatDateTime(s.next) : '—'}</Table.Td>
                  <Table.Td>
                    {s.lastRun ? (
                      <Group gap="xs" wrap="nowrap">
                        <StatusBadge run={s.lastRun} />
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(s.lastRun.startedAt)}
                        </Text>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Never
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="default" aria-label={`Edit ${s.name}`} onClick={() => setEditing(s)}>
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        aria-label={`Run ${s.name} now`}
                        loading={s.running}
                        disabled={s.running || runNow.isPending}
                        onClick={() =>
                          runNow.mutate(s.id, {
                            onSuccess: () => {
                              setSelectedId(s.id);
                              notifications.show({ message: `${s.name} started.` });
                            },
                            onError: failed,
                          })
                        }
                      >
                        Run now
                      </Button>
                      <Button size="xs" variant="subtle" aria-label={`History of ${s.name}`} onClick={() => setSelectedId(s.id)}>
                        History
                      </Button>
                      {s.deletable && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${s.name}`}
                          onClick={() => setDeleting(s)}
                        >
                          Delete
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && <RunHistory key={selected.id} schedule={selected} />}
      {editing && <ScheduleModal key={editing.id} opened schedule={editing} onClose={() => setEditing(null)} />}
      {adding && <ScheduleModal opened schedule={null} onClose={() => setAdding(false)} />}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete schedule">
        <Stack gap="sm">
          <Text size="sm">Delete the schedule “{deleting?.name}” and its run history? Reports it wrote stay in their folder.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => {
                const s = deleting;
                if (!s) return;
                remove.mutate(s.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: `${s.name} deleted.` });
                    setDeleting(null);
                  },
                  onError: failed,
                });
              }}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function RunHistory({ schedule }: { schedule: JobSchedule }) {
  const [page, setPage] = useState(1);
  const runs = useJobRuns(schedule.id, RUNS_PER_PAGE, (page - 1) * RUNS_PER_PAGE);
  const label = `Runs of ${schedule.name}`;
  const pages = Math.max(1, Math.ceil((runs.data?.total ?? 0) / RUNS_PER_PAGE));

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {label}
      </Title>
      {runs.isPending && <Loader aria-label="Loading runs" />}
      {runs.error && (
        <Alert color="red" role="alert">
          {runs.error.message}
        </Alert>
      )}
      {runs.data && runs.data.total === 0 && (
        <Text size="sm" c="dimmed">
          It has not run yet.
        </Text>
      )}
      {runs.data && runs.data.total > 0 && (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={label} striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Started</Table.Th>
                  <Table.Th scope="col">Finished</Table.Th>
                  <Table.Th scope="col">Duration</Table.Th>
                  <Table.Th scope="col" style={{ minWidth: 180 }}>
                    Status
                  </Table.Th>
                  <Table.Th scope="col">Result</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.runs.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.startedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.finishedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDuration(r.durationMs, r.finishedAt !== '')}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <StatusBadge run={r} />
                        {r.missed && (
                          <Badge variant="outline" color="orange" title="Due while the app was closed" style={{ flexShrink: 0 }}>
                            Missed
                          </Badge>
                        )}
                        {r.manual && (
                          <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
                            Manual
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {r.error ? (
                        <Text size="sm" c="red">
                          {r.error}
                        </Text>
                      ) : (
                        <Text size="sm">{r.result}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && <Pagination aria-label={`Pages of ${label}`} total={pages} value={page} onChange={setPage} />}
        </>
      )}
    </Stack>
  );
}
