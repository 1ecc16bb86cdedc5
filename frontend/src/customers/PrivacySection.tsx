import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  useArchiveCustomer,
  useEraseCustomer,
  useExportCustomer,
  useSaveCustomerExport,
  useRestoreCustomer,
  type CustomerView,
  type ExportFormat,
} from '../api/customers';
import { applyApiError, type ApiError } from '../api/errors';
import { downloadFile, inDesktopWindow } from '../shell/download';
import { eraseConfirmed } from './eraseForm';

/** Erasure needs a reason and the customer's code typed again, so it is never a slip. */
function EraseModal({ customer, onClose }: { customer: CustomerView; onClose: () => void }) {
  const erase = useEraseCustomer();
  const form = useForm({
    initialValues: { reason: '', confirm: '' },
    validate: {
      reason: (v: string) => (v.trim() === '' ? "Give the reason, for example the date of the customer's request." : null),
      confirm: (v: string) => (eraseConfirmed(v, customer.code) ? null : `Type ${customer.code} to confirm.`),
    },
  });
  const [general, setGeneral] = useState<ApiError | null>(null);

  const submit = ({ reason }: { reason: string }) => {
    setGeneral(null);
    erase.mutate(
      { id: customer.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `The personal data of ${customer.code} was erased.` });
          onClose();
        },
        onError: (err) => setGeneral(applyApiError(form, err, ['reason'])),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Erase personal data">
      <form onSubmit={form.onSubmit(submit)} aria-label="Erase personal data" noValidate>
        <Stack gap="sm">
          <Text size="sm">
            The name, company, email, phone, tax ID, notes, every address and the text of every interaction are erased
            for good. The code {customer.code} stays, so orders and invoices keep their numbers and amounts. The erasure
            is recorded in the audit log.
          </Text>
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <Textarea label="Reason" withAsterisk data-autofocus autosize minRows={2} maxLength={500} {...form.getInputProps('reason')} />
          <TextInput
            label={`Type the customer code ${customer.code} to confirm`}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('confirm')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              color="red"
              loading={erase.isPending}
              disabled={!eraseConfirmed(form.values.confirm, customer.code)}
            >
              Erase for good
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Managers and admins: archive or restore, and the GDPR export and erasure. */
export function PrivacySection({ customer }: { customer: CustomerView }) {
  const exporter = useExportCustomer();
  const saver = useSaveCustomerExport();
  const archive = useArchiveCustomer();
  const restore = useRestoreCustomer();
  const [erasing, setErasing] = useState(false);
  const failed = (err: ApiError) => notifications.show({ color: 'red', title: 'Not done', message: err.message });

  const exportAs = (format: ExportFormat) =>
    inDesktopWindow()
      ? saver.mutate(
          { id: customer.id, format },
          {
            onSuccess: (path) => {
              if (path) notifications.show({ color: 'green', message: `Saved ${path}.` });
            },
            onError: failed,
          },
        )
      : exporter.mutate(
      { id: customer.id, format },
      {
        onSuccess: (file) => {
          downloadFile(file);
          notifications.show({ color: 'green', message: `Exported ${file.fileName}.` });
        },
        onError: failed,
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="privacy-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="privacy-heading">
          Status and personal data
        </Title>
        <Group gap="xs">
          {customer.active ? (
            <Button variant="default" loading={archive.isPending} onClick={() => archive.mutate(customer.id, { onError: failed })}>
              Archive customer
            </Button>
          ) : (
            !customer.erased && (
              <Button variant="default" loading={restore.isPending} onClick={() => restore.mutate(customer.id, { onError: failed })}>
                Restore customer
              </Button>
            )
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Everything stored about this customer, for an access request. Each export is recorded in the audit log.
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            loading={exporter.isPending && exporter.variables?.format === 'json'}
            onClick={() => exportAs('json')}
          >
            Export JSON
          </Button>
          <Button
            variant="default"
            loading={exporter.isPending && exporter.variables?.format === 'xlsx'}
            onClick={() => exportAs('xlsx')}
          >
            Export Excel
          </Button>
          {!customer.erased && (
            <Button color="red" variant="light" onClick={() => setErasing(true)}>
              Erase personal data…
            </Button>
          )}
        </Group>
      </Stack>
      {erasing && <EraseModal customer={customer} onClose={() => setErasing(false)} />}
    </Paper>
  );
}
