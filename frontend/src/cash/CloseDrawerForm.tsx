import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useCompanyCurrency } from '../api/catalog';
import { useCloseDrawer, type DrawerCount, type DrawerReport } from '../api/cash';
import { paymentKeys, type PaymentMethod } from '../api/orders';
import { buildCounts, closeErrorTarget, countRows, countState, signedMoney } from './drawer';

interface Props {
  /** The open session's report: what each method expects so far. */
  report: DrawerReport;
  methods: readonly PaymentMethod[];
  money: (minor: number) => string;
  onCancel: () => void;
  onClosed: (report: DrawerReport) => void;
}

/**
 * The closing count: the amount counted for each cash and card method, with
 * expected, counted and difference shown as they are typed, and a note.
 */
export function CloseDrawerForm({ report, methods, money, onCancel, onClosed }: Props) {
  const { code, minorUnits } = useCompanyCurrency();
  const close = useCloseDrawer();
  const qc = useQueryClient();
  const rows = countRows(report.methods, methods);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [general, setGeneral] = useState('');

  const states = new Map(rows.map((r) => [r.methodId, countState(texts[r.methodId] ?? '', r.expected, minorUnits)]));
  const counted = rows.filter((r) => r.countable && states.get(r.methodId)?.counted != null);
  const expectedTotal = rows.filter((r) => r.countable).reduce((n, r) => n + r.expected, 0);
  const countedTotal = counted.reduce((n, r) => n + (states.get(r.methodId)?.counted ?? 0), 0);
  const countedExpected = counted.reduce((n, r) => n + r.expected, 0);
  const anyDifference = counted.some((r) => states.get(r.methodId)?.difference !== 0);

  const submit = () => {
    setGeneral('');
    setNoteError('');
    const built = buildCounts(rows, texts, minorUnits);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    const sent: DrawerCount[] = built.counts;
    close.mutate(
      { counts: sent, note },
      {
        onSuccess: onClosed,
        onError: (err) => {
          const target = closeErrorTarget(err, sent);
          if ('methodId' in target) setErrors({ [target.methodId]: err.message });
          else if ('field' in target) setNoteError(err.message);
          else {
            setGeneral(err.message);
            // Closed elsewhere meanwhile (another window of this workstation): show it as it is.
            if (err.field === 'drawer') void qc.invalidateQueries({ queryKey: paymentKeys.drawer });
          }
        },
      },
    );
  };

  return (
    <form
      aria-label="Close drawer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Count the cash in the drawer, float included, and take the card terminal&apos;s end-of-day total. Type what you counted;
          the difference shows as you type.
        </Text>
        <Table.ScrollContainer minWidth={620}>
          <Table aria-label="Count" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Method</Table.Th>
                <Table.Th scope="col" ta="right">
                  Expected
                </Table.Th>
                <Table.Th scope="col" w={200}>
                  Counted
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Difference
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const st = states.get(r.methodId);
                const diff = st?.difference ?? null;
                return (
                  <Table.Tr key={r.methodId}>
                    <Table.Th scope="row" fw={500}>
                      {r.methodName}
                      {!r.required && r.countable && (
                        <Text span size="xs" c="dimmed" ml={6}>
                          optional
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {money(r.expected)}
                    </Table.Td>
                    <Table.Td>
                      {r.countable ? (
                        <TextInput
                          aria-label={`Counted ${r.methodName}`}
                          value={texts[r.methodId] ?? ''}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setTexts((t) => ({ ...t, [r.methodId]: v }));
                            setErrors((errs) => without(errs, r.methodId));
                          }}
                          error={errors[r.methodId] || st?.error || undefined}
                          rightSection={code}
                          rightSectionWidth={48}
                          inputMode="decimal"
                          autoComplete="off"
                          data-autofocus={i === 0 || undefined}
                          autoFocus={i === 0}
                        />
                      ) : (
                        <Text size="sm" c="dimmed">
                          Not counted ({r.count} {r.count === 1 ? 'payment' : 'payments'})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      aria-live="polite"
                      c={diff ? (diff < 0 ? 'red.8' : 'orange.8') : undefined}
                      fw={diff ? 700 : undefined}
                      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                    >
                      {diff === null ? '' : signedMoney(diff, money)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">Counted methods</Table.Th>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {money(expectedTotal)}
                </Table.Td>
                <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {counted.length > 0 ? money(countedTotal) : ''}
                </Table.Td>
                <Table.Td
                  ta="right"
                  fw={700}
                  c={countedTotal - countedExpected < 0 ? 'red.8' : countedTotal - countedExpected > 0 ? 'orange.8' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {counted.length > 0 ? signedMoney(countedTotal - countedExpected, money) : ''}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        <Textarea
          label="Note"
          description={
            anyDifference
              ? 'The count differs from what is expected: say why, if you know (kept with the report).'
              : 'Optional; kept with the report.'
          }
          rows={2}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setNoteError('');
          }}
          error={noteError || undefined}
        />
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={close.isPending}>
            Close drawer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function without(errors: Record<string, string>, key: string): Record<string, string> {
  if (!(key in errors)) return errors;
  const rest = { ...errors };
  delete rest[key];
  return rest;
}
