import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useCreateCustomer } from '../api/customers';
import { applyApiError, type ApiError } from '../api/errors';
import { CustomerDetailsFields } from './CustomerDetailsFields';
import { CUSTOMER_FIELDS, emptyCustomer, toCustomerFields, validateCustomer, type CustomerFormValues } from './customerForm';
import { useCompanyCurrency } from './useCompanyCurrency';

/** Creates a customer from its details and opens its page, where addresses and the timeline follow. */
export function NewCustomerModal({ opened, onClose, initialName }: { opened: boolean; onClose: () => void; initialName: string }) {
  const currency = useCompanyCurrency();
  const form = useForm<CustomerFormValues>({
    initialValues: { ...emptyCustomer, name: initialName },
    validate: (v) => validateCustomer(v, currency.minorUnits, true),
  });
  const create = useCreateCustomer();
  const navigate = useNavigate();
  const [general, setGeneral] = useState<ApiError | null>(null);

  const close = () => {
    form.reset();
    setGeneral(null);
    onClose();
  };

  const submit = (values: CustomerFormValues) => {
    setGeneral(null);
    create.mutate(
      { ...toCustomerFields(values, currency.minorUnits), addresses: [] },
      {
        onSuccess: (c) => {
          notifications.show({ color: 'green', message: `Customer ${c.code} created.` });
          close();
          void navigate(`/customers/${c.id}`);
        },
        onError: (err) => setGeneral(applyApiError(form, err, CUSTOMER_FIELDS)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="New customer" size="lg">
      <form onSubmit={form.onSubmit(submit)} aria-label="New customer" noValidate>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <CustomerDetailsFields form={form} currency={currency.code} isNew />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create customer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
