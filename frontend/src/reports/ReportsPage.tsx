import { useState } from 'react';
import { Alert, Button, Group, Loader, Progress, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ApiError } from '../api/errors';
import { cancelReport, useOpenReport, useReportRun, useReports, useSaveReport, useStartReport } from '../api/reports';
import { useWarehouses } from '../api/stock';
import { inDesktopWindow } from '../shell/download';
import { PageTitle } from '../shell/PageTitle';

/** The message of err when it concerns field, for the input's error. */
function fieldError(err: ApiError | null, field: string): string | undefined {
  return err && err.field === field ? err.message : undefined;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The first and last day of the current month (UTC, as reports count days). */
function thisMonth(now = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { from: isoDay(from), to: isoDay(now) };
}

/**
 * The managers' Excel reports: pick one, a date range and its filters, run it
 * (progress and Cancel while the backend writes it), then save or open it.
 */
export function ReportsPage() {
  const reports = useReports();
  const warehouses = useWarehouses();
  const [name, setName] = useState('sales');
  const [range, setRange] = useState(thisMonth);
  const [warehouse, setWarehouse] = useState<string | null>(null);
  const [customer, setCustomer] = useState('');
  const [product, setProduct] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const start = useStartReport();
  const save = useSaveReport();
  const open = useOpenReport();
  const { progress, done } = useReportRun(runId);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const report = reports.data?.find((r) => r.name === name);
  const takes = (f: string) => report?.filters.includes(f) ?? false;
  const running = runId !== null && done === null;
  const written = done !== null && done.error === '';
  const err = start.error as ApiError | null;

  const run = () => {
    setSaved(null);
    setCancelError(null);
    save.reset();
    open.reset();
    start.mutate(
      {
        name,
        query: {
          from: range.from,
          to: range.to,
          warehouse: takes('warehouse') ? (warehouse ?? '') : '',
          customer: takes('customer') ? customer.trim() : '',
          product: takes('product') ? product.trim() : '',
        },
      },
      { onSuccess: (id) => setRunId(id) },
    );
  };

  if (reports.isPending) return <Loader aria-label="Loading reports" />;
  if (reports.isError) return <Alert color="red">{reports.error.message}</Alert>;

  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done * 100) / progress.total)) : 0;
  return (
    <Stack p="md" gap="md" maw={900}>
      <PageTitle>Reports</PageTitle>
      <Radio.Group label="Report" value={name} onChange={(v) => setName(v)} name="report">
        <Stack gap={6} mt={6}>
          {reports.data.map((r) => (
            <Radio key={r.name} value={r.name} label={r.title} description={r.description} disabled={running} />
          ))}
        </Stack>
      </Radio.Group>
      <Group align="flex-start">
        <TextInput
          type="date"
          label="From"
          required
          value={range.from}
          onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
          error={fieldError(err, 'from')}
          w={160}
          disabled={running}
        />
        <TextInput
          type="date"
          label="To (inclusive)"
          required
          value={range.to}
          onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
          error={fieldError(err, 'to')}
          w={160}
          disabled={running}
        />
        {takes('warehouse') && (
          <Select
            label="Warehouse"
            placeholder="All warehouses"
            clearable
            data={(warehouses.data ?? []).map((w) => ({ value: w.code, label: `${w.code} – ${w.name}` }))}
            value={warehouse}
            onChange={setWarehouse}
            error={fieldError(err, 'warehouse')}
            w={200}
            disabled={running}
          />
        )}
        {takes('customer') && (
          <TextInput
            label="Customer code"
            placeholder="All customers"
            value={customer}
            onChange={(e) => setCustomer(e.currentTarget.value)}
            error={fieldError(err, 'customer')}
            w={160}
            disabled={running}
          />
        )}
        {takes('product') && (
          <TextInput
            label="Product SKU"
            placeholder="All products"
            value={product}
            onChange={(e) => setProduct(e.currentTarget.value)}
            error={fieldError(err, 'product')}
            w={160}
            disabled={running}
          />
        )}
      </Group>
      {err && !['from', 'to', 'warehouse', 'customer', 'product'].some((f) => fieldError(err, f)) && (
        <Alert color="red" role="alert">
          {err.message}
        </Alert>
      )}
      <Group>
        <Button onClick={run} loading={start.isPending} disabled={running}>
          Run report
        </Button>
        {running && (
          <Button
            variant="default"
            onClick={() => {
              if (runId) cancelReport(runId).catch((e: ApiError) => setCancelError(e.message));
            }}
          >
            Cancel
          </Button>
        )}
      </Group>
      {running && (
        <Stack gap={4}>
          <Text size="sm" aria-live="polite">
            {progress ? `Writing ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} rows…` : 'Writing the report…'}
          </Text>
          <Progress value={pct} animated aria-label="Report progress" />
        </Stack>
      )}
      {cancelError && <Alert color="red">{cancelError}</Alert>}
      {done && done.error === 'cancelled' && <Alert color="gray">The report was cancelled; nothing was kept.</Alert>}
      {done && done.error !== '' && done.error !== 'cancelled' && (
        <Alert color="red" role="alert" title="The report was not written">
          {done.error}
        </Alert>
      )}
      {written && runId && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {done.fileName} is ready ({done.rows.toLocaleString()} rows)
          </Title>
          <Group>
            <Button onClick={() => save.mutate(runId, { onSuccess: (where) => setSaved(where) })} loading={save.isPending}>
              {inDesktopWindow() ? 'Save…' : 'Download'}
            </Button>
            {inDesktopWindow() && (
              <Button variant="default" onClick={() => open.mutate(runId)} loading={open.isPending}>
                Open
              </Button>
            )}
          </Group>
          {saved && <Text size="sm">Saved to {saved}</Text>}
          {save.error && <Alert color="red">{save.error.message}</Alert>}
          {open.error && <Alert color="red">{open.error.message}</Alert>}
        </Stack>
      )}
    </Stack>
  );
}
