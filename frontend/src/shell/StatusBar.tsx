import { Group, Text, Tooltip } from '@mantine/core';
import { useStatus } from '../api/status';
import type { SessionInfo, StatusInfo } from '../api/types';
import { enrolledSyncText, refusedText } from './syncLine';
import { pendingText } from './format';
import { roleLabel } from './roles';

/** The sync part of the status line: standalone, syncing, upgrade required, or online/offline with the last sync. */
export function syncText(sync: StatusInfo['sync']): string {
  if (sync.mode !== 'enrolled') return 'Standalone – no sync server';
  return enrolledSyncText(sync);
}

/** Always-visible line at the bottom: who, which device, sync state, changes waiting. */
export function StatusBar({ session }: { session: SessionInfo }) {
  const status = useStatus();
  const { user } = session;
  const s = status.data;
  return (
    <Group h="100%" px="md" gap="lg" wrap="nowrap" aria-label="Status bar" role="group">
      <Text size="sm" fw={500} truncate>
        {user.fullName || user.name} · {roleLabel(user.role)}
      </Text>
      {s && (
        <>
          <Text size="sm" truncate>
            Device: {s.device.name}
            {s.device.stationCode ? ` (${s.device.stationCode})` : ''}
          </Text>
          <Tooltip label={s.sync.lastError} disabled={!s.sync.lastError}>
            <Text size="sm" c={s.sync.lastError ? 'red' : s.sync.mode === 'enrolled' && s.sync.upgrade ? 'orange' : undefined} truncate>
              {syncText(s.sync)}
            </Text>
          </Tooltip>
          <Text size="sm">{pendingText(s.sync.pending)}</Text>
          {s.sync.mode === 'enrolled' && s.sync.inbox > 0 && (
            <Text size="sm" c="red">
              {refusedText(s.sync.inbox)}
            </Text>
          )}
          {s.version && (
            <Text size="xs" c="dimmed" ml="auto">
              OMS {s.version}
            </Text>
          )}
        </>
      )}
      {status.error && (
        <Text size="sm" c="red">
          Status unavailable: {status.error.message}
        </Text>
      )}
    </Group>
  );
}
