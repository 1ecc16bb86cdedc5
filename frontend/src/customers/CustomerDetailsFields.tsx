import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CustomerFormValues } from './customerForm';

interface Props {
  form: UseFormReturnType<CustomerFormValues>;
  currency: string;
  isNew: boolean;
  disabled?: boolean;
}

/** The inputs of a customer's details, shared by the new-customer dialog and the customer page. */
export function CustomerDetailsFields({ form, currency, isNew, disabled = false }: Props) {
  const input = (field: keyof CustomerFormValues) => ({ ...form.getInputProps(field), disabled });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput label="Name" withAsterisk data-autofocus={isNew || undefined} maxLength={200} {...input('name')} />
        <TextInput
          label="Code"
          description={isNew ? 'Leave empty for the next number' : undefined}
          withAsterisk={!isNew}
          maxLength={32}
          {...input('code')}
        />
        <TextInput label="Company" maxLength={200} {...input('company')} />
        <TextInput label="Email" type="email" autoComplete="off" {...input('email')} />
        <TextInput label="Phone" type="tel" autoComplete="off" {...input('phone')} />
        <TextInput label="Tax ID" maxLength={50} {...input('taxId')} />
        <TextInput label="Customer group" description="Price list group" maxLength={50} {...input('customerGroup')} />
        <TextInput
          label={`Credit limit${currency ? ` (${currency})` : ''}`}
          description="Amount with a dot, like 1500.00; empty for none"
          inputMode="decimal"
          {...input('creditLimit')}
        />
      </SimpleGrid>
      <Textarea label="Notes" autosize minRows={2} maxRows={8} {...input('notes')} />
    </>
  );
}
