import { useState } from 'react';
import { Alert, Button, Code, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useAuditLog } from '../api/status';
import { formatDateTime } from '../shell/format';

const LIMIT = 200;

/** Admin > Audit log: the latest entries, optionally for one entity. */
export function AuditLogPage() {
  const [draft, setDraft] = useState('');
  const [entity, setEntity] = useState('');
  const log = useAuditLog(entity, LIMIT);

  return (
    <Stack>
      <form
        aria-label="Filter audit log"
        onSubmit={(e) => {
          e.preventDefault();
          setEntity(draft.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Entity"
            description="For example user or company; empty shows all"
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <Button type="submit">Filter</Button>
          {entity !== '' && (
            <Button
              variant="default"
              onClick={() => {
                setDraft('');
                setEntity('');
              }}
            >
              Show all
            </Button>
          )}
        </Group>
      </form>
      {log.isPending && <Loader aria-label="Loading audit log" />}
      {log.error && (
        <Alert color="red" title="The audit log could not be loaded" role="alert">
          {log.error.message}
        </Alert>
      )}
      {log.data && (
        <>
          <Text size="sm" c="dimmed">
            {log.data.length === 0
              ? 'No entries.'
              : `Latest ${log.data.length} entries${entity ? ` for ${entity}` : ''}, newest first.`}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Audit log" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">User</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                  <Table.Th scope="col">Entity</Table.Th>
                  <Table.Th scope="col">Changes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                    <Table.Td>{e.userName}</Table.Td>
                    <Table.Td>{e.action}</Table.Td>
                    <Table.Td>
                      {e.entity}
                      <Text size="xs" c="dimmed" ff="monospace">
                        {e.entityId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 120, overflow: 'auto' }}>
                        {e.changes}
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
