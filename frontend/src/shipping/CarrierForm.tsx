import { useState } from 'react';
import { Alert, Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { applyApiError, type ApiError } from '../api/errors';
import { useStatus } from '../api/status';
import { CARRIER_FIELDS, MAX_CARRIER_NAME, trackingPatternExample, validateCarrier, type CarrierFormValues } from './carrierForm';

interface Props {
  initial: CarrierFormValues;
  submitLabel: string;
  /** Whether the form has the Active switch (a new carrier is always active). */
  showActive: boolean;
  pending: boolean;
  onSubmit: (values: CarrierFormValues, fail: (err: unknown) => void) => void;
  onCancel?: () => void;
}

/** A carrier's name, tracking page and tracking number pattern; errors from the backend land on their fields. */
export function CarrierForm({ initial, submitLabel, showActive, pending, onSubmit, onCancel }: Props) {
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<CarrierFormValues>({ initialValues: initial, validate: validateCarrier });
  const status = useStatus();
  const station = status.data?.device.stationCode ?? '';
  const example = trackingPatternExample(form.values.trackingPattern, station);
  const submit = (v: CarrierFormValues) => {
    setGeneral(null);
    onSubmit(v, (e) => setGeneral(applyApiError(form, e, CARRIER_FIELDS)));
  };

  return (
    <form aria-label={submitLabel} onSubmit={form.onSubmit(submit)}>
      <Stack gap="sm" maw={760}>
        {general && (
          <Alert color="red" role="alert">
            {general.message}
          </Alert>
        )}
        <TextInput
          label="Carrier name"
          withAsterisk
          autoComplete="off"
          data-autofocus
          maxLength={MAX_CARRIER_NAME + 20}
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Tracking page"
          description="The customer's tracking link, with {tracking} where the number goes. Leave empty if the carrier has none."
          placeholder="https://www.dhl.com/track?tracking-id={tracking}"
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('trackingUrl')}
        />
        <TextInput
          label="Tracking number pattern"
          description="Only for deliveries without a carrier's label, such as your own van: {station} is this workstation's code, {seq:6} the next number with 6 digits, {check} a check digit. Leave empty when numbers come from the label."
          placeholder="OWN-{station}-{seq:6}{check}"
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('trackingPattern')}
        />
        {example && (
          <Text size="sm" c="dimmed" aria-live="polite">
            Numbers on this workstation will look like <Text span ff="monospace">{example}</Text>.
          </Text>
        )}
        {showActive && (
          <Switch
            label="Active"
            description="An inactive carrier quotes nothing and takes no new shipments."
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
