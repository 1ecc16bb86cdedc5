import { useState } from 'react';
import { Alert, Button, Code, Group, Modal, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { applyApiError, type ApiError } from '../../api/errors';
import { useCreateSchedule, useJobOptions, useUpdateSchedule, type JobSchedule } from '../../api/jobs';
import {
  RANGE_LABELS,
  REPORT_LABELS,
  SCHEDULE_FIELDS,
  describeSpec,
  emptyReportSchedule,
  formValuesOf,
  inputOf,
  validateSchedule,
  type ScheduleFormValues,
} from './jobText';

/**
 * Edits a schedule (schedule set) or adds a report schedule (schedule null):
 * its cron spec with the words for it, whether it runs, and the kind's own
 * settings. Errors from the backend land on their fields. Mount it for one
 * schedule at a time (its form starts from that schedule).
 */
export function ScheduleModal({ opened, schedule, onClose }: { opened: boolean; schedule: JobSchedule | null; onClose: () => void }) {
  const kind = schedule?.kind ?? 'report';
  const form = useForm<ScheduleFormValues>({
    initialValues: schedule ? formValuesOf(schedule) : emptyReportSchedule,
    validate: (v) => validateSchedule(kind, v),
  });
  const update = useUpdateSchedule();
  const create = useCreateSchedule();
  const options = useJobOptions();
  const [general, setGeneral] = useState<ApiError | null>(null);

  const words = describeSpec(form.values.spec);
  const pending = update.isPending || create.isPending;

  const submit = (values: ScheduleFormValues) => {
    setGeneral(null);
    const input = inputOf(kind, values);
    const done = {
      onSuccess: (s: JobSchedule) => {
        notifications.show({ color: 'green', message: `Schedule “${s.name}” saved.` });
        onClose();
      },
      onError: (err: ApiError) => setGeneral(applyApiError(form, err, SCHEDULE_FIELDS)),
    };
    if (schedule) update.mutate({ id: schedule.id, input }, done);
    else create.mutate(input, done);
  };

  const reportData = (options.data?.reports ?? Object.keys(REPORT_LABELS)).map((r) => ({ value: r, label: REPORT_LABELS[r] ?? r }));
  const rangeData = (options.data?.ranges ?? Object.keys(RANGE_LABELS)).map((r) => ({ value: r, label: RANGE_LABELS[r] ?? r }));
  const title = schedule ? `Edit ${schedule.name}` : 'Add report schedule';

  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={form.onSubmit(submit)} aria-label={title}>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <TextInput label="Name" withAsterisk={kind === 'report'} {...form.getInputProps('name')} />
          <TextInput
            label="Schedule"
            withAsterisk
            description="Cron: minute hour day month weekday, or @daily, @weekly, @hourly"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('spec')}
          />
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="spec-words">
            {words ?? (form.values.spec.trim() ? 'No description for this schedule; it is checked when you save.' : '')}
          </Text>
          <Switch label="Enabled" {...form.getInputProps('enabled', { type: 'checkbox' })} />
          {kind === 'draft-expiry' && (
            <NumberInput
              label="Delete drafts untouched for (days)"
              withAsterisk
              min={1}
              max={3650}
              allowDecimal={false}
              {...form.getInputProps('days')}
            />
          )}
          {kind === 'report' && (
            <>
              <Select
                label="Report"
                withAsterisk
                allowDeselect={false}
                data={reportData}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('report')}
                onChange={(v) => form.setFieldValue('report', v ?? '')}
              />
              <Select
                label="Period"
                withAsterisk
                allowDeselect={false}
                data={rangeData}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('range')}
                onChange={(v) => form.setFieldValue('range', v ?? '')}
              />
              <TextInput
                label="Folder"
                withAsterisk={form.values.enabled}
                description="The full path of a folder on this workstation, such as /home/anna/Reports"
                {...form.getInputProps('folder')}
              />
              <Text size="xs" c="dimmed">
                Files are named like <Code>{`${form.values.report || 'sales'}-2026-03-01_2026-03-01.xlsx`}</Code>; an existing file is
                never overwritten.
              </Text>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
