import { useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCompanyCurrency } from '../api/catalog';
import { toApiError } from '../api/errors';
import { useRates, useSetRates, type Carrier, type CarrierService, type ShippingRate, type ShippingZone } from '../api/shipping';
import {
  cellForBandError,
  newRow,
  priceCell,
  rowsFromRates,
  tablesFromRows,
  weightCell,
  type GridErrors,
  type RateRow,
} from './rateTable';

/** The rate tables of a carrier, one service at a time. */
export function RateTableSection({ carrier }: { carrier: Carrier }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const service = carrier.services.find((s) => s.id === chosen) ?? carrier.services[0];
  const rates = useRates(service?.id);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="carrier-rates">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={3} size="h5" id="carrier-rates">
            Rate table
          </Title>
          {carrier.services.length > 1 && service && (
            <SegmentedControl
              aria-label="Service of the rate table"
              value={service.id}
              onChange={setChosen}
              data={carrier.services.map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name} (inactive)` }))}
            />
          )}
        </Group>
        {!service || carrier.zones.length === 0 ? (
          <Text size="sm" c="dimmed">
            {!service ? 'Add a service first: each service has its own rate table.' : 'Add a zone first: each zone is a column of prices.'}
          </Text>
        ) : rates.isError ? (
          <Alert color="red" role="alert">
            {rates.error.message}
          </Alert>
        ) : rates.isPending ? (
          <Text size="sm" c="dimmed">
            Loading rates…
          </Text>
        ) : (
          <RateGrid key={`${service.id}:${rates.dataUpdatedAt}`} service={service} zones={carrier.zones} rates={rates.data} />
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Weight bands (rows) by zones (columns), prices in the company currency. A
 * parcel pays the price of the lightest band it fits. Saving replaces the
 * service's table to each zone with the column as shown.
 */
function RateGrid({ service, zones, rates }: { service: CarrierService; zones: ShippingZone[]; rates: ShippingRate[] }) {
  const { code, minorUnits } = useCompanyCurrency();
  const setRates = useSetRates();
  const [rows, setRows] = useState<RateRow[]>(() => {
    const r = rowsFromRates(rates, zones, minorUnits);
    return r.length > 0 ? r : [newRow(zones)];
  });
  const [errors, setErrors] = useState<GridErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  const edit = (key: string, change: (r: RateRow) => RateRow) => {
    setRows((rs) => rs.map((r) => (r.key === key ? change(r) : r)));
    setDirty(true);
  };
  const clearError = (cell: string) =>
    setErrors((e) => {
      if (!(cell in e)) return e;
      const next = { ...e };
      delete next[cell];
      return next;
    });

  const save = async () => {
    setGeneral(null);
    const { tables, errors: found } = tablesFromRows(rows, zones, minorUnits);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setGeneral('Some cells need fixing before the table can be saved.');
      return;
    }
    setSaving(true);
    try {
      for (const t of tables) {
        try {
          await setRates.mutateAsync({ serviceId: service.id, zoneId: t.zoneId, bands: t.bands });
        } catch (e) {
          const err = toApiError(e);
          const cell = cellForBandError(err.field, t);
          const zone = zones.find((z) => z.id === t.zoneId)?.name ?? '';
          if (cell) setErrors({ [cell]: err.message });
          else setGeneral(`${zone}: ${err.message}`);
          return;
        }
      }
      setDirty(false);
      notifications.show({ color: 'green', message: `Rate table of ${service.name} saved.` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Each row is a weight band: a package pays the price of the lightest band it fits. Prices per package
        {code ? ` in ${code}` : ''}; leave a cell empty where a zone has no price at that weight.
      </Text>
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={240 + zones.length * 150}>
        <Table
          aria-label={`Rate table of ${service.name}`}
          withTableBorder
          withColumnBorders
          verticalSpacing={6}
          style={{ width: 'auto' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={140}>
                Up to (kg)
              </Table.Th>
              {zones.map((z) => (
                <Table.Th scope="col" key={z.id} w={150} style={{ whiteSpace: 'nowrap' }}>
                  {z.name}
                </Table.Th>
              ))}
              <Table.Th scope="col" w={90}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  <TextInput
                    aria-label={`Band ${i + 1} up to kg`}
                    placeholder="e.g. 5"
                    inputMode="decimal"
                    autoComplete="off"
                    size="sm"
                    rightSection={
                      <Text size="xs" c="dimmed">
                        kg
                      </Text>
                    }
                    value={r.weight}
                    error={errors[weightCell(r.key)]}
                    onChange={(e) => {
                      const weight = e.currentTarget.value;
                      clearError(weightCell(r.key));
                      edit(r.key, (row) => ({ ...row, weight }));
                    }}
                  />
                </Table.Td>
                {zones.map((z) => (
                  <Table.Td key={z.id}>
                    <TextInput
                      aria-label={`Band ${i + 1} price to ${z.name}`}
                      inputMode="decimal"
                      autoComplete="off"
                      size="sm"
                      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                      value={r.prices[z.id] ?? ''}
                      error={errors[priceCell(r.key, z.id)]}
                      onChange={(e) => {
                        const price = e.currentTarget.value;
                        clearError(priceCell(r.key, z.id));
                        edit(r.key, (row) => ({ ...row, prices: { ...row.prices, [z.id]: price } }));
                      }}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={`Remove band ${i + 1}`}
                    onClick={() => {
                      setRows((rs) => rs.filter((x) => x.key !== r.key));
                      setDirty(true);
                    }}
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Button variant="default" onClick={() => setRows((rs) => [...rs, newRow(zones)])}>
          Add band
        </Button>
        <Group gap="xs">
          {dirty && (
            <Text size="sm" c="dimmed">
              Unsaved changes
            </Text>
          )}
          <Button onClick={() => void save()} loading={saving}>
            Save rate table
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
