import { useState } from 'react';
import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { applyApiError, type ApiError } from '../api/errors';
import { useCompany, useUpdateCompany } from '../api/settings';
import type { Company, CompanyInput } from '../api/types';
import { CompanyFields } from './CompanyFields';
import { COMPANY_FIELDS, toCompanyInput, validateCompany } from './companyForm';

function CompanyForm({ company, autoFocus }: { company: Company; autoFocus: boolean }) {
  const form = useForm<CompanyInput>({ initialValues: toCompanyInput(company), validate: validateCompany });
  const update = useUpdateCompany();
  const [general, setGeneral] = useState<ApiError | null>(null);

  const submit = (values: CompanyInput) => {
    setGeneral(null);
    update.mutate(values, {
      onSuccess: (saved) => {
        form.resetDirty(toCompanyInput(saved));
        notifications.show({ color: 'green', message: 'Company settings saved.' });
      },
      onError: (err) => setGeneral(applyApiError(form, err, COMPANY_FIELDS)),
    });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} aria-label="Company">
      <Stack>
        {general && (
          <Alert color="red" role="alert">
            {general.message}
          </Alert>
        )}
        <CompanyFields form={form} autoFocus={autoFocus} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Save company
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The company's details as the admin maintains them after setup. */
export function CompanySettings({ autoFocus = false }: { autoFocus?: boolean }) {
  const company = useCompany();
  if (company.isPending) return <Loader aria-label="Loading company" />;
  if (company.error) {
    return (
      <Alert color="red" title="The company could not be loaded" role="alert">
        {company.error.message}
      </Alert>
    );
  }
  return <CompanyForm key={company.data.updatedAt} company={company.data} autoFocus={autoFocus} />;
}
