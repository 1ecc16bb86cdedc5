import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { useCarrierEvents, useCarriers, useCreateCarrier } from '../api/shipping';
import { CarrierForm } from './CarrierForm';
import { carrierChange, carrierValues } from './carrierForm';
import { zoneSummary } from './countries';
import { useCountryNames } from './useCountryNames';

/**
 * Admin > Shipping: the carriers, each with its services, zones and rate
 * tables. A parcel carrier's labels bring their tracking numbers; own
 * delivery can number its own from a pattern.
 */
export function CarriersPage() {
  useCarrierEvents();
  const carriers = useCarriers(false);
  const names = useCountryNames();
  const [adding, setAdding] = useState(false);
  const list = carriers.data ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={720}>
          The carriers the warehouse ships with. Each service has a rate table by zone and weight, so the pack station
          prices a parcel without going online.
        </Text>
        <Button onClick={() => setAdding(true)}>Add carrier</Button>
      </Group>
      {carriers.isError && (
        <Alert color="red" role="alert" title="Carriers could not be loaded">
          {carriers.error.message}
        </Alert>
      )}
      <Table aria-label="Carriers" striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Carrier</Table.Th>
            <Table.Th scope="col">Services</Table.Th>
            <Table.Th scope="col">Zones</Table.Th>
            <Table.Th scope="col">Tracking</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {carriers.isPending && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed">Loading carriers…</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {carriers.isSuccess && list.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed">No carriers yet. Add the parcel service you ship with, or your own delivery.</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {list.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/admin/shipping/${encodeURIComponent(c.id)}`}>
                  {c.name}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {c.services.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                ) : (
                  <Text size="sm">{c.services.map((s) => s.name).join(', ')}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {c.zones.length === 0 ? '—' : c.zones.map((z) => `${z.name} (${zoneSummary(z.countries, names, 2)})`).join('; ')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  {c.trackingPattern ? 'Numbers its own' : c.trackingUrl ? 'Tracking page' : '—'}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {c.active ? (
                  <Badge color="green" variant="light">
                    Active
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    Inactive
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    component={Link}
                    to={`/admin/shipping/${encodeURIComponent(c.id)}`}
                    aria-label={`Configure ${c.name}`}
                  >
                    Configure
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {adding && <AddCarrierModal onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function AddCarrierModal({ onClose }: { onClose: () => void }) {
  const create = useCreateCarrier();
  const navigate = useNavigate();
  return (
    <Modal opened onClose={onClose} title="Add carrier" size="lg">
      <CarrierForm
        initial={carrierValues()}
        submitLabel="Add carrier"
        showActive={false}
        pending={create.isPending}
        onCancel={onClose}
        onSubmit={(v, fail) =>
          create.mutate(
            { name: v.name.trim(), trackingUrl: carrierChange(v).trackingUrl, trackingPattern: carrierChange(v).trackingPattern },
            {
              onSuccess: (c) => {
                notifications.show({ color: 'green', message: `Carrier ${c.name} added. Add its services and zones next.` });
                onClose();
                void navigate(`/admin/shipping/${encodeURIComponent(c.id)}`);
              },
              onError: fail,
            },
          )
        }
      />
    </Modal>
  );
}
