import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { applyApiError, toApiError, type ApiError } from '../api/errors';
import { useCreateService, useUpdateService, type Carrier, type CarrierService } from '../api/shipping';
import { SERVICE_FIELDS, serviceChange, validateService, type ServiceFormValues } from './carrierForm';

/** A carrier's services: add, rename or recode, deactivate and reactivate. */
export function ServicesSection({ carrier }: { carrier: Carrier }) {
  const update = useUpdateService();
  const [editing, setEditing] = useState<CarrierService | null>(null);
  const [rowError, setRowError] = useState<ApiError | null>(null);

  const toggle = (s: CarrierService) => {
    setRowError(null);
    update.mutate(
      { id: s.id, change: serviceChange(s, { active: !s.active }) },
      {
        onSuccess: (v) => notifications.show({ color: 'green', message: `${v.name} ${v.active ? 'reactivated' : 'deactivated'}.` }),
        onError: (e) => setRowError(toApiError(e)),
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="carrier-services" miw={340}>
      <Stack gap="sm">
        <Title order={3} size="h5" id="carrier-services">
          Services
        </Title>
        {rowError && (
          <Alert color="red" role="alert">
            {rowError.message}
          </Alert>
        )}
        <Table aria-label={`Services of ${carrier.name}`} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {carrier.services.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    No services yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {carrier.services.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td ff="monospace">{s.code}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  {s.name}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={s.active ? 'green' : 'gray'} variant="light">
                    {s.active ? 'Active' : 'Inactive'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" aria-label={`Edit service ${s.name}`} onClick={() => setEditing(s)}>
                      Edit
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={`${s.active ? 'Deactivate' : 'Reactivate'} service ${s.name}`}
                      loading={update.isPending && update.variables?.id === s.id}
                      onClick={() => toggle(s)}
                    >
                      {s.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <AddServiceForm carrier={carrier} />
      </Stack>
      {editing && <EditServiceModal service={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function AddServiceForm({ carrier }: { carrier: Carrier }) {
  const create = useCreateService();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<ServiceFormValues>({ initialValues: { code: '', name: '' }, validate: validateService });
  const submit = (v: ServiceFormValues) => {
    setGeneral(null);
    create.mutate(
      { carrierId: carrier.id, input: { code: v.code.trim(), name: v.name.trim() } },
      {
        onSuccess: (s) => {
          notifications.show({ color: 'green', message: `Service ${s.name} added.` });
          form.reset();
        },
        onError: (e) => setGeneral(applyApiError(form, e, SERVICE_FIELDS)),
      },
    );
  };
  return (
    <form aria-label="Add service" onSubmit={form.onSubmit(submit)}>
      <Stack gap="xs">
        {general && (
          <Alert color="red" role="alert">
            {general.message}
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap" gap="xs">
          <TextInput label="Service code" withAsterisk placeholder="STD" w={130} autoComplete="off" {...form.getInputProps('code')} />
          <TextInput
            label="Service name"
            withAsterisk
            placeholder="Standard"
            style={{ flex: 1, minWidth: 140 }}
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          <Button type="submit" loading={create.isPending} mt={25}>
            Add service
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditServiceModal({ service, onClose }: { service: CarrierService; onClose: () => void }) {
  const update = useUpdateService();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<ServiceFormValues>({ initialValues: { code: service.code, name: service.name }, validate: validateService });
  const title = `Edit service ${service.name}`;
  const submit = (v: ServiceFormValues) => {
    setGeneral(null);
    update.mutate(
      { id: service.id, change: serviceChange(service, { code: v.code.trim(), name: v.name.trim() }) },
      {
        onSuccess: (s) => {
          notifications.show({ color: 'green', message: `Service ${s.name} saved.` });
          onClose();
        },
        onError: (e) => setGeneral(applyApiError(form, e, SERVICE_FIELDS)),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={title}>
      <form aria-label={title} onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <TextInput label="Service code" withAsterisk data-autofocus autoComplete="off" {...form.getInputProps('code')} />
          <TextInput label="Service name" withAsterisk autoComplete="off" {...form.getInputProps('name')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save service
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
