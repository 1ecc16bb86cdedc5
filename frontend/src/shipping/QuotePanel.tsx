import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCountries } from '../api/settings';
import { toApiError, type ApiError } from '../api/errors';
import { quote, type Carrier, type ShippingQuote } from '../api/shipping';
import { useMoney } from '../orders/useMoney';
import { parseKg } from './rateTable';

/** Prices packages by the saved rate tables, as the pack station will. */
export function QuotePanel({ carrier }: { carrier: Carrier }) {
  const countries = useCountries();
  const money = useMoney();
  const services = carrier.services.filter((s) => s.active);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [weights, setWeights] = useState('');
  const [result, setResult] = useState<{ q: ShippingQuote; kg: string[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [weightError, setWeightError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const service = services.find((s) => s.id === serviceId) ?? services[0];

  if (services.length === 0 || carrier.zones.length === 0) return null;

  const run = async () => {
    setError(null);
    setResult(null);
    const parts = weights.split(/[;+\s]+/).filter(Boolean);
    const grams = parts.map(parseKg);
    if (parts.length === 0 || grams.some((g) => g === null)) {
      setWeightError('Enter each package weight in kg, separated by spaces: 2.5 12');
      return;
    }
    setWeightError(null);
    setBusy(true);
    try {
      setResult({ q: await quote(carrier.id, service.id, country ?? '', grams as number[]), kg: parts });
    } catch (e) {
      const err = toApiError(e);
      if (/^packages/.test(err.field)) setWeightError(err.message);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="carrier-quote">
      <Stack gap="sm">
        <Title order={3} size="h5" id="carrier-quote">
          Try a quote
        </Title>
        <Group align="flex-start" wrap="wrap" gap="xs">
          <Select
            label="Service"
            w={200}
            allowDeselect={false}
            data={services.map((s) => ({ value: s.id, label: s.name }))}
            value={service.id}
            onChange={setServiceId}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Destination"
            w={240}
            searchable
            placeholder="Country"
            data={(countries.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
            value={country}
            onChange={setCountry}
            error={error?.field === 'country' ? error.message : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Package weights (kg)"
            placeholder="2.5 12"
            w={200}
            autoComplete="off"
            value={weights}
            error={weightError}
            onChange={(e) => setWeights(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void run();
            }}
          />
          <Button mt={25} variant="light" loading={busy} onClick={() => void run()}>
            Quote
          </Button>
        </Group>
        {error && error.field !== 'country' && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        {result && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">
              Zone <b>{result.q.zoneName}</b>: total <b>{money(result.q.cost)}</b>
            </Text>
            {result.q.perPackage.length > 1 && (
              <Table aria-label="Quote per package" w={320} verticalSpacing={2}>
                <Table.Tbody>
                  {result.q.perPackage.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        Package {i + 1} ({result.kg[i]} kg)
                      </Table.Td>
                      <Table.Td ta="right">{money(p)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
