import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { useCarrier, useCarrierEvents, useUpdateCarrier } from '../api/shipping';
import { CarrierForm } from './CarrierForm';
import { carrierChange, carrierValues } from './carrierForm';
import { QuotePanel } from './QuotePanel';
import { RateTableSection } from './RateTableEditor';
import { ServicesSection } from './ServicesSection';
import { ZonesSection } from './ZonesSection';

/** Admin > Shipping > one carrier: its settings, services, zones, rate tables, and a quote to try them. */
export function CarrierPage() {
  useCarrierEvents();
  const { carrierId = '' } = useParams();
  const carrier = useCarrier(carrierId);
  const update = useUpdateCarrier();
  const c = carrier.data;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/shipping" size="sm">
        ← All carriers
      </Anchor>
      {carrier.isPending && <Loader aria-label="Loading carrier" />}
      {carrier.isError && (
        <Alert color="red" role="alert" title="The carrier could not be loaded">
          {carrier.error.message}
        </Alert>
      )}
      {c && (
        <>
          <Group gap="sm">
            <Title order={2} size="h3">
              {c.name}
            </Title>
            {c.active ? (
              <Badge color="green" variant="light">
                Active
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                Inactive
              </Badge>
            )}
          </Group>
          <Paper withBorder p="md" component="section" aria-labelledby="carrier-settings">
            <Title order={3} size="h5" id="carrier-settings" mb="sm">
              Carrier settings
            </Title>
            <CarrierForm
              key={c.updatedAt}
              initial={carrierValues(c)}
              submitLabel="Save carrier"
              showActive
              pending={update.isPending}
              onSubmit={(v, fail) =>
                update.mutate(
                  { id: c.id, change: carrierChange(v) },
                  { onSuccess: (saved) => notifications.show({ color: 'green', message: `${saved.name} saved.` }), onError: fail },
                )
              }
            />
          </Paper>
          <Group align="flex-start" grow wrap="wrap" gap="md">
            <ServicesSection carrier={c} />
            <ZonesSection carrier={c} />
          </Group>
          <RateTableSection carrier={c} />
          <QuotePanel carrier={c} />
          {c.services.length === 0 && (
            <Text size="sm" c="dimmed">
              Add a service and a zone to fill in a rate table.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
