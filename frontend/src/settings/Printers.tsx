import { useState } from 'react';
import { Alert, Autocomplete, Button, Fieldset, Grid, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { applyApiError, toApiError, type ApiError } from '../api/errors';
import {
  useClearPrinter,
  useCupsPrinters,
  usePrinters,
  useSetPrinter,
  type PrinterDocument,
  type PrinterKind,
  type WorkstationPrinter,
} from '../api/printing';
import {
  PRINTER_FIELDS,
  describePrinter,
  initialValues,
  kindsFor,
  targetHint,
  targetLabel,
  validatePrinter,
  type PrinterFormValues,
} from './printerForm';

/**
 * This workstation's printers, one per kind of document: a CUPS queue, a
 * thermal label printer (ZPL, labels only) or a folder. Those who may not
 * change settings see where each document prints.
 */
export function Printers({ canEdit }: { canEdit: boolean }) {
  const printers = usePrinters();
  const cups = useCupsPrinters(canEdit);
  if (printers.isPending) return <Text c="dimmed">Loading printers…</Text>;
  if (printers.isError) {
    return (
      <Alert color="red" role="alert">
        {toApiError(printers.error).message}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Where each document prints on this workstation. Other workstations keep their own printers.
      </Text>
      {printers.data.map((p) =>
        canEdit ? (
          <PrinterForm key={`${p.document}:${p.kind}:${p.target}`} printer={p} queues={cups.data ?? []} />
        ) : (
          <Group key={p.document} gap="xs">
            <Text fw={600}>{p.label}:</Text>
            <Text>{describePrinter(p)}</Text>
          </Group>
        ),
      )}
      {!canEdit && (
        <Text size="sm" c="dimmed">
          An administrator sets the printers.
        </Text>
      )}
    </Stack>
  );
}

function PrinterForm({ printer, queues }: { printer: WorkstationPrinter; queues: string[] }) {
  const document = printer.document as PrinterDocument;
  const set = useSetPrinter();
  const clear = useClearPrinter();
  const [formError, setFormError] = useState<ApiError | null>(null);
  const form = useForm<PrinterFormValues>({
    mode: 'controlled',
    initialValues: initialValues(printer),
    validate: validatePrinter(document),
  });
  const kind = form.values.kind;
  const isSet = printer.kind !== '';

  const submit = form.onSubmit((values) => {
    setFormError(null);
    set.mutate(
      { document, kind: values.kind, target: values.target.trim() },
      {
        onSuccess: (saved) => notifications.show({ color: 'green', message: `${saved.label}: ${describePrinter(saved)}.` }),
        onError: (e) => setFormError(applyApiError(form, e, PRINTER_FIELDS)),
      },
    );
  });

  const onClear = () => {
    setFormError(null);
    clear.mutate(document, {
      onSuccess: () => notifications.show({ message: `${printer.label}: no printer set.` }),
      onError: (e) => setFormError(toApiError(e)),
    });
  };

  const targetProps = {
    label: targetLabel(kind),
    description: targetHint(kind),
    ...form.getInputProps('target'),
  };

  return (
    <Fieldset legend={printer.label} component="fieldset">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Text size="sm" aria-live="polite">
            Now: {describePrinter(printer)}
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError.message}
            </Alert>
          )}
          <Grid gap="sm" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect
                label="Printer type"
                data={kindsFor(document)}
                {...form.getInputProps('kind')}
                onChange={(e) => {
                  form.setFieldValue('kind', e.currentTarget.value as PrinterKind);
                  form.setFieldValue('target', e.currentTarget.value === printer.kind ? printer.target : '');
                  form.clearErrors();
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              {kind === 'cups' ? (
                <Autocomplete {...targetProps} data={queues} placeholder={queues.length ? undefined : 'Queue name, such as Office_Laser'} />
              ) : (
                <TextInput
                  {...targetProps}
                  placeholder={kind === 'zpl' ? '192.168.1.50:9100' : '/srv/print/hot'}
                  spellCheck={false}
                  autoComplete="off"
                />
              )}
            </Grid.Col>
          </Grid>
          <Group gap="xs">
            <Button type="submit" loading={set.isPending} disabled={clear.isPending}>
              Save
            </Button>
            <Button variant="default" onClick={onClear} disabled={!isSet || set.isPending} loading={clear.isPending}>
              Clear
            </Button>
          </Group>
        </Stack>
      </form>
    </Fieldset>
  );
}
