import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useAddAddress, useUpdateAddress, type AddressInput, type AddressView } from '../api/customers';
import { applyApiError, type ApiError } from '../api/errors';
import { useCountries } from '../api/settings';
import { ADDRESS_FIELDS, ADDRESS_KINDS, emptyAddress, toAddressInput, validateAddress, type AddressKind } from './addressForm';

interface Props {
  customerId: string;
  /** The address to edit, or null for a new one. */
  address: AddressView | null;
  defaultKind: AddressKind;
  defaultCountry: string;
  onClose: () => void;
}

/** Adds or edits a billing or shipping address. */
export function AddressModal({ customerId, address, defaultKind, defaultCountry, onClose }: Props) {
  const countries = useCountries();
  const form = useForm<AddressInput>({
    initialValues: address ? toAddressInput(address) : emptyAddress(defaultKind, defaultCountry),
    validate: validateAddress,
  });
  const add = useAddAddress();
  const edit = useUpdateAddress();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const title = address ? 'Edit address' : 'Add address';

  const submit = (values: AddressInput) => {
    setGeneral(null);
    const clean = { ...values, postalCode: values.postalCode.trim().toUpperCase(), country: values.country.toUpperCase() };
    const done = {
      onSuccess: () => {
        notifications.show({ color: 'green', message: address ? 'Address saved.' : 'Address added.' });
        onClose();
      },
      onError: (err: ApiError) => setGeneral(applyApiError(form, err, ADDRESS_FIELDS)),
    };
    if (address) edit.mutate({ id: address.id, address: clean }, done);
    else add.mutate({ customerId, address: clean }, done);
  };

  const countryOptions = (countries.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit(submit)} aria-label={title} noValidate>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <Radio.Group label="Kind" withAsterisk {...form.getInputProps('kind')}>
            <Group gap="lg" mt={4}>
              {ADDRESS_KINDS.map((k) => (
                <Radio key={k.value} value={k.value} label={k.label} />
              ))}
            </Group>
          </Radio.Group>
          <Checkbox
            label={`Default ${form.values.kind === 'billing' ? 'billing' : 'shipping'} address`}
            disabled={address?.default && address.kind === form.values.kind}
            {...form.getInputProps('default', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <TextInput label="Recipient name" maxLength={200} {...form.getInputProps('name')} />
            <TextInput label="Company" maxLength={200} {...form.getInputProps('company')} />
          </SimpleGrid>
          <TextInput label="Street and number" withAsterisk data-autofocus maxLength={200} {...form.getInputProps('line1')} />
          <TextInput label="Address line 2" maxLength={200} {...form.getInputProps('line2')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
            <TextInput label="Postal code" maxLength={20} {...form.getInputProps('postalCode')} />
            <TextInput label="City" withAsterisk maxLength={100} {...form.getInputProps('city')} />
            <TextInput label="Region" maxLength={100} {...form.getInputProps('region')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <Select
              label="Country"
              withAsterisk
              searchable
              allowDeselect={false}
              data={countryOptions}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('country')}
              onChange={(v) => form.setFieldValue('country', v ?? '')}
            />
            <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending || edit.isPending}>
              {address ? 'Save address' : 'Add address'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
