import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useAddInteraction, useTimeline, type CustomerView } from '../api/customers';
import { applyApiError, type ApiError } from '../api/errors';
import { INTERACTION_KINDS, MAX_INTERACTION_TEXT, dayLabel, groupByDay, kindLabel, timeOfDay, validateInteraction } from './timeline';

const KIND_COLORS: Record<string, string> = { call: 'blue', email: 'cyan', visit: 'teal', note: 'gray', complaint: 'red' };

interface FormValues {
  kind: string;
  text: string;
}

/** Records calls, emails, visits, notes and complaints, and shows them newest first, by day. */
export function TimelineSection({ customer }: { customer: CustomerView }) {
  const timeline = useTimeline(customer.id);
  const add = useAddInteraction();
  const form = useForm<FormValues>({ initialValues: { kind: 'call', text: '' }, validate: validateInteraction });
  const [general, setGeneral] = useState<ApiError | null>(null);

  const submit = (values: FormValues) => {
    setGeneral(null);
    add.mutate(
      { customerId: customer.id, interaction: { kind: values.kind, text: values.text.trim() } },
      {
        onSuccess: () => form.setFieldValue('text', ''),
        onError: (err) => setGeneral(applyApiError(form, err, ['kind', 'text'])),
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="timeline-heading">
          Interactions
        </Title>
        {!customer.erased && (
          <form onSubmit={form.onSubmit(submit)} aria-label="Add interaction" noValidate>
            <Stack gap="xs">
              {general && (
                <Alert color="red" role="alert">
                  {general.message}
                </Alert>
              )}
              <Select
                label="Kind"
                allowDeselect={false}
                data={INTERACTION_KINDS.map((k) => ({ value: k.value, label: k.label }))}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('kind')}
                onChange={(v) => form.setFieldValue('kind', v ?? '')}
              />
              <Textarea
                label="What happened"
                autosize
                minRows={2}
                maxRows={8}
                maxLength={MAX_INTERACTION_TEXT}
                description="Ctrl+Enter adds it"
                {...form.getInputProps('text')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    e.currentTarget.form?.requestSubmit();
                  }
                }}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={add.isPending}>
                  Add to timeline
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {timeline.isPending && <Loader aria-label="Loading interactions" />}
        {timeline.error && (
          <Alert color="red" role="alert" title="The interactions could not be loaded">
            {timeline.error.message}
          </Alert>
        )}
        {timeline.data?.length === 0 && <Text c="dimmed">No interactions yet.</Text>}
        {timeline.data && timeline.data.length > 0 && (
          <ol aria-label="Timeline" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {groupByDay(timeline.data).map((group) => (
              <li key={group.day}>
                <Text fw={600} size="sm" mt="sm" mb="xs">
                  {dayLabel(group.day)}
                </Text>
                <Timeline bulletSize={14} lineWidth={2}>
                  {group.items.map((it) => (
                    <Timeline.Item
                      key={it.id}
                      color={KIND_COLORS[it.kind] ?? 'gray'}
                      title={
                        <Group gap="xs">
                          <Badge size="sm" variant="light" color={KIND_COLORS[it.kind] ?? 'gray'}>
                            {kindLabel(it.kind)}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {timeOfDay(it.occurredAt)}
                            {it.userName ? ` · ${it.userName}` : ''}
                          </Text>
                        </Group>
                      }
                    >
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {it.text}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              </li>
            ))}
          </ol>
        )}
      </Stack>
    </Paper>
  );
}
