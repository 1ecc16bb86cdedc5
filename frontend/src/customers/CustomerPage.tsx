import { Alert, Anchor, Badge, Grid, Group, Loader, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCompany } from '../api/settings';
import { useCustomer } from '../api/customers';
import type { SessionInfo } from '../api/types';
import { PageTitle } from '../shell/PageTitle';
import { hasPermission } from '../shell/permissions';
import { formatDateTime } from '../shell/format';
import { AddressesSection } from './AddressesSection';
import { CustomerDetailsForm } from './CustomerDetailsForm';
import { PrivacySection } from './PrivacySection';
import { TimelineSection } from './TimelineSection';
import { useCompanyCurrency } from './useCompanyCurrency';

/**
 * One customer: details, addresses and the interaction timeline; for managers
 * and admins also archiving and the GDPR export and erasure. (Orders join
 * this page once they exist.)
 */
export function CustomerPage({ session }: { session: SessionInfo }) {
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  const currency = useCompanyCurrency();
  const company = useCompany();
  const canManage = hasPermission(session.permissions, 'customers.manage');

  const back = (
    <Anchor component={Link} to="/customers" size="sm">
      ← All customers
    </Anchor>
  );
  if (customer.isPending || !currency.ready) return <Loader aria-label="Loading customer" />;
  if (customer.error) {
    return (
      <Stack>
        {back}
        <Alert color="red" role="alert" title="The customer could not be loaded">
          {customer.error.message}
        </Alert>
      </Stack>
    );
  }
  const c = customer.data;

  return (
    <Stack gap="md">
      {back}
      <div>
        <PageTitle>{c.name}</PageTitle>
        <Group gap="xs" mt={-8}>
          <Text c="dimmed">{c.code}</Text>
          {c.erased ? (
            <Badge color="red" variant="light">
              Erased {formatDateTime(c.erasedAt)}
            </Badge>
          ) : (
            !c.active && (
              <Badge color="gray" variant="light">
                Archived
              </Badge>
            )
          )}
        </Group>
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <CustomerDetailsForm
              key={`${c.id}:${c.updatedAt}:${currency.minorUnits}`}
              customer={c}
              currency={currency.code}
              minorUnits={currency.minorUnits}
            />
            <AddressesSection customer={c} defaultCountry={company.data?.country ?? ''} />
            {canManage && <PrivacySection customer={c} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <TimelineSection customer={c} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
