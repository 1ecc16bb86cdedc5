import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useUpdateCustomer, type CustomerView } from '../api/customers';
import { applyApiError, type ApiError } from '../api/errors';
import { CustomerDetailsFields } from './CustomerDetailsFields';
import { CUSTOMER_FIELDS, toCustomerFields, toFormValues, validateCustomer, type CustomerFormValues } from './customerForm';

interface Props {
  customer: CustomerView;
  currency: string;
  minorUnits: number;
}

/** The customer's details, saved as a whole. An erased customer's are shown read-only. */
export function CustomerDetailsForm({ customer, currency, minorUnits }: Props) {
  const form = useForm<CustomerFormValues>({
    initialValues: toFormValues(customer, minorUnits),
    validate: (v) => validateCustomer(v, minorUnits, false),
  });
  const update = useUpdateCustomer();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const readOnly = customer.erased;

  const submit = (values: CustomerFormValues) => {
    setGeneral(null);
    update.mutate(
      { id: customer.id, fields: toCustomerFields(values, minorUnits) },
      {
        onSuccess: (saved) => {
          form.setValues(toFormValues(saved, minorUnits));
          form.resetDirty(toFormValues(saved, minorUnits));
          notifications.show({ color: 'green', message: 'Customer details saved.' });
        },
        onError: (err) => setGeneral(applyApiError(form, err, CUSTOMER_FIELDS)),
      },
    );
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit(submit)} aria-label="Customer details" noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Details
          </Title>
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <CustomerDetailsFields form={form} currency={currency} isNew={false} disabled={readOnly} />
          {!readOnly && (
            <Group justify="flex-end">
              <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                Undo changes
              </Button>
              <Button type="submit" loading={update.isPending}>
                Save details
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
