import { useMemo, useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { applyApiError, toApiError, type ApiError } from '../api/errors';
import { useCountries } from '../api/settings';
import { REST_OF_WORLD, useCreateZone, useDeleteZone, useUpdateZone, type Carrier, type ShippingZone } from '../api/shipping';
import { ZONE_FIELDS, validateZone, type ZoneFormValues } from './carrierForm';
import { zoneSummary } from './countries';
import { useCountryNames } from './useCountryNames';

/** A carrier's zones: which countries each price column covers, with one rest-of-world zone at most. */
export function ZonesSection({ carrier }: { carrier: Carrier }) {
  const names = useCountryNames();
  const [editing, setEditing] = useState<ShippingZone | null>(null);
  const [deleting, setDeleting] = useState<ShippingZone | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="carrier-zones" miw={340}>
      <Stack gap="sm">
        <Title order={3} size="h5" id="carrier-zones">
          Zones
        </Title>
        <Table aria-label={`Zones of ${carrier.name}`} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Zone</Table.Th>
              <Table.Th scope="col">Countries</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {carrier.zones.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text size="sm" c="dimmed">
                    No zones yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {carrier.zones.map((z) => (
              <Table.Tr key={z.id}>
                <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {z.name}
                </Table.Th>
                <Table.Td>
                  <Text size="sm" title={z.countries.map((c) => names.get(c) ?? c).join(', ')}>
                    {zoneSummary(z.countries, names, 4)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" aria-label={`Edit zone ${z.name}`} onClick={() => setEditing(z)}>
                      Edit
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" aria-label={`Delete zone ${z.name}`} onClick={() => setDeleting(z)}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ZoneForm carrierId={carrier.id} />
      </Stack>
      {editing && <EditZoneModal zone={editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteZoneModal zone={deleting} onClose={() => setDeleting(null)} />}
    </Paper>
  );
}

/** The countries to choose from, with the rest of the world first. */
function useCountryOptions() {
  const countries = useCountries();
  return useMemo(
    () => [
      { value: REST_OF_WORLD, label: 'Rest of world (every country no other zone names)' },
      ...(countries.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
    ],
    [countries.data],
  );
}

function ZoneFields({ form }: { form: Pick<UseFormReturnType<ZoneFormValues>, 'values' | 'getInputProps'> }) {
  const options = useCountryOptions();
  return (
    <>
      <TextInput label="Zone name" withAsterisk placeholder="EU" autoComplete="off" {...form.getInputProps('name')} />
      <MultiSelect
        label="Countries"
        withAsterisk
        placeholder={form.values.countries.length === 0 ? 'Search countries…' : undefined}
        searchable
        hidePickedOptions
        maxDropdownHeight={260}
        data={options}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('countries')}
      />
    </>
  );
}

function ZoneForm({ carrierId }: { carrierId: string }) {
  const create = useCreateZone();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<ZoneFormValues>({ initialValues: { name: '', countries: [] }, validate: validateZone });
  const submit = (v: ZoneFormValues) => {
    setGeneral(null);
    create.mutate(
      { carrierId, input: { name: v.name.trim(), countries: v.countries } },
      {
        onSuccess: (z) => {
          notifications.show({ color: 'green', message: `Zone ${z.name} added.` });
          form.reset();
        },
        onError: (e) => setGeneral(applyApiError(form, e, ZONE_FIELDS)),
      },
    );
  };
  return (
    <form aria-label="Add zone" onSubmit={form.onSubmit(submit)}>
      <Stack gap="xs">
        {general && (
          <Alert color="red" role="alert">
            {general.message}
          </Alert>
        )}
        <ZoneFields form={form} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Add zone
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditZoneModal({ zone, onClose }: { zone: ShippingZone; onClose: () => void }) {
  const update = useUpdateZone();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<ZoneFormValues>({ initialValues: { name: zone.name, countries: [...zone.countries] }, validate: validateZone });
  const title = `Edit zone ${zone.name}`;
  const submit = (v: ZoneFormValues) => {
    setGeneral(null);
    update.mutate(
      { id: zone.id, input: { name: v.name.trim(), countries: v.countries } },
      {
        onSuccess: (z) => {
          notifications.show({ color: 'green', message: `Zone ${z.name} saved.` });
          onClose();
        },
        onError: (e) => setGeneral(applyApiError(form, e, ZONE_FIELDS)),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form aria-label={title} onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <ZoneFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save zone
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteZoneModal({ zone, onClose }: { zone: ShippingZone; onClose: () => void }) {
  const del = useDeleteZone();
  const [error, setError] = useState<ApiError | null>(null);
  const title = `Delete zone ${zone.name}`;
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <Text size="sm">
          The zone and every service's prices to it are deleted. Shipments already made keep their cost. Parcels to its
          countries then need another zone.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep zone
          </Button>
          <Button
            color="red"
            loading={del.isPending}
            onClick={() =>
              del.mutate(zone.id, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: `Zone ${zone.name} deleted.` });
                  onClose();
                },
                onError: (e) => setError(toApiError(e)),
              })
            }
          >
            Delete zone
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
