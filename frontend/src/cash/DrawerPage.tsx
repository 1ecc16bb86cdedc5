import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCompanyCurrency } from '../api/catalog';
import { drawerOpened, useAllPaymentMethods, useDrawerEvents, useDrawerReport, type DrawerReport } from '../api/cash';
import { useCurrentDrawer, useOpenDrawer, type DrawerSession } from '../api/orders';
import { useMoney } from '../orders/useMoney';
import { shortDateTime } from '../orders/ordersList';
import { PageTitle } from '../shell/PageTitle';
import { CloseDrawerForm } from './CloseDrawerForm';
import { parseDrawerAmount } from './drawer';
import { DrawerReportCard, Fact, MethodName } from './DrawerReportCard';
import { DrawerSessions } from './DrawerSessions';

/**
 * The cash drawer of this workstation: open it with a float, see what it
 * expects so far, close it with the counted amounts and read the end-of-day
 * report; below, the past sessions with their reports.
 */
export function DrawerPage() {
  useDrawerEvents();
  const money = useMoney();
  const drawer = useCurrentDrawer();
  // The report of the session just closed here, shown until the drawer opens again.
  const [closed, setClosed] = useState<DrawerReport | null>(null);
  const session = drawer.data;
  const isOpen = !!session?.id;

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <PageTitle focus={false}>Cash drawer</PageTitle>
        <Button component={Link} to="/counter" variant="default">
          Back to the counter
        </Button>
      </Group>
      {drawer.isError && (
        <Alert color="red" role="alert" title="The drawer cannot be read">
          {drawer.error.message}
        </Alert>
      )}
      {closed && !isOpen && <ClosedReport report={closed} money={money} />}
      {session && (isOpen ? <CurrentSession session={session} money={money} onClosed={setClosed} /> : <OpenDrawer onOpened={() => setClosed(null)} />)}
      {drawer.isPending && <Text c="dimmed">Loading the drawer…</Text>}
      <Card withBorder padding="md" component="section" aria-labelledby="drawer-sessions">
        <Title order={2} size="h4" id="drawer-sessions" mb="xs">
          Past sessions
        </Title>
        <DrawerSessions money={money} />
      </Card>
    </Stack>
  );
}

function ClosedReport({ report, money }: { report: DrawerReport; money: (minor: number) => string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="closed-report">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="closed-report" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
          End-of-day report
        </Title>
        <Text size="sm" c="dimmed">
          The drawer is closed.
        </Text>
      </Group>
      <DrawerReportCard report={report} money={money} />
    </Card>
  );
}

/** The open session: when and by whom, the float, and what each method expects so far; closing starts here. */
function CurrentSession({
  session,
  money,
  onClosed,
}: {
  session: DrawerSession;
  money: (minor: number) => string;
  onClosed: (r: DrawerReport) => void;
}) {
  // Re-read on every visit: payments taken at the counter since change what is expected.
  const report = useDrawerReport(session.id);
  const methods = useAllPaymentMethods();
  const [closing, setClosing] = useState(false);
  const lines = report.data?.methods ?? [];
  const expected = lines.reduce((n, l) => n + l.expected, 0);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="current-session">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id="current-session">
            Current session
          </Title>
          <Badge color="green" variant="light">
            Open
          </Badge>
        </Group>
        {!closing && (
          <Button onClick={() => setClosing(true)} disabled={!report.data || !methods.data}>
            Close drawer
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md" role="group" aria-label="Session">
        <Fact label="Opened">{shortDateTime(session.openedAt)}</Fact>
        <Fact label="Opened by">{session.openedByName}</Fact>
        <Fact label="Opening float">{money(session.openingFloat)}</Fact>
        <Fact label="Expected in total">{report.data ? money(expected) : '…'}</Fact>
      </SimpleGrid>
      {session.note && (
        <Text size="sm" mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span c="dimmed">
            Note:{' '}
          </Text>
          {session.note}
        </Text>
      )}
      {(report.isError || methods.isError) && (
        <Alert color="red" role="alert">
          {(report.error ?? methods.error)?.message}
        </Alert>
      )}
      {closing && report.data && methods.data ? (
        <CloseDrawerForm
          report={report.data}
          methods={methods.data}
          money={money}
          onCancel={() => setClosing(false)}
          onClosed={(r) => {
            setClosing(false);
            onClosed(r);
          }}
        />
      ) : (
        <Table aria-label="Expected so far" striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Method</Table.Th>
              <Table.Th scope="col" ta="right">
                Transactions
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Payments
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Refunds
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Expected
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.methodId}>
                <Table.Th scope="row" fw={500}>
                  <MethodName name={l.methodName} kind={l.methodKind} />
                </Table.Th>
                <Table.Td ta="right">{l.count}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(l.payments)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(l.refunds ? -l.refunds : 0)}
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {money(l.expected)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** The drawer is closed: count the float and open it. */
function OpenDrawer({ onOpened }: { onOpened: () => void }) {
  const { code, minorUnits } = useCompanyCurrency();
  const open = useOpenDrawer();
  const qc = useQueryClient();
  const [float, setFloat] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ float?: string; note?: string; form?: string }>({});

  const submit = () => {
    const f = parseDrawerAmount(float, minorUnits, 'the opening float');
    if (!f.ok) {
      setErrors({ float: f.error });
      return;
    }
    setErrors({});
    open.mutate(
      { openingFloat: f.value, note },
      {
        onSuccess: () => {
          drawerOpened(qc);
          onOpened();
        },
        onError: (err) => {
          if (err.field === 'openingFloat') setErrors({ float: err.message });
          else if (err.field === 'note') setErrors({ note: err.message });
          else setErrors({ form: err.message });
          if (err.field === 'drawer') drawerOpened(qc);
        },
      },
    );
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="open-drawer">
      <Group gap="xs" mb={4}>
        <Title order={2} size="h4" id="open-drawer">
          Open the drawer
        </Title>
        <Badge color="gray" variant="light">
          Closed
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Cash sales need an open drawer. Count the cash you put in it (the float) and open it.
      </Text>
      <form
        aria-label="Open the drawer"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="Opening float"
            withAsterisk
            description="The cash in the drawer now"
            value={float}
            onChange={(e) => {
              setFloat(e.currentTarget.value);
              setErrors({});
            }}
            error={errors.float}
            rightSection={code}
            rightSectionWidth={48}
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            w={280}
          />
          <TextInput
            label="Note"
            description="Optional"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autoComplete="off"
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button type="submit" loading={open.isPending} mt={46}>
            Open drawer
          </Button>
        </Group>
        {errors.form && (
          <Alert color="red" role="alert" mt="sm">
            {errors.form}
          </Alert>
        )}
      </form>
    </Card>
  );
}
