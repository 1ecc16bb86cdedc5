import { useRef, useState, type KeyboardEvent } from 'react';
import { ActionIcon, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { OrderLine } from '../api/orders';
import { parsePercent, parseQuantity, percentText } from '../counter/sale';

interface Props {
  label: string;
  lines: readonly OrderLine[];
  money: (minor: number) => string;
  editable: boolean;
  busy?: boolean;
  /** Shows reserved and backordered quantities (the order page). */
  showStock?: boolean;
  /** Shows picked and shipped quantities (an order past confirmed). */
  showFulfilment?: boolean;
  onChange?: (line: OrderLine, quantity: number, discountBps: number) => void;
  onRemove?: (line: OrderLine) => void;
  /** Called after an edit was committed or abandoned with Enter/Esc, e.g. to return to the scan field. */
  onDone?: () => void;
  empty?: string;
}

/** An order's lines as an accessible table; SKU is each row's header. */
export function LinesTable({ label, lines, money, editable, busy, showStock, showFulfilment, onChange, onRemove, onDone, empty }: Props) {
  const columns = 7 + (showStock ? 2 : 0) + (showFulfilment ? 2 : 0) + (editable ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label} striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">SKU</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col" ta="right">
              Quantity
            </Table.Th>
            {showStock && (
              <>
                <Table.Th scope="col" ta="right">
                  Reserved
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Backordered
                </Table.Th>
              </>
            )}
            {showFulfilment && (
              <>
                <Table.Th scope="col" ta="right">
                  Picked
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Shipped
                </Table.Th>
              </>
            )}
            <Table.Th scope="col" ta="right">
              Unit price
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Discount %
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Line total
            </Table.Th>
            {editable && (
              <Table.Th scope="col">
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text c="dimmed" ta="center" py="md">
                  {empty ?? 'No lines.'}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Th scope="row" ff="monospace" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {l.sku}
              </Table.Th>
              <Table.Td>{l.name}</Table.Td>
              <Table.Td ta="right">
                {editable && onChange ? (
                  <NumberCell
                    key={`${l.id}-${l.quantity}`}
                    label={`Quantity of ${l.sku}`}
                    initial={String(l.quantity)}
                    parse={parseQuantity}
                    invalid="Whole number, at least 1"
                    disabled={busy}
                    onCommit={(q) => onChange(l, q, l.discountBps)}
                    onDone={onDone}
                  />
                ) : (
                  l.quantity
                )}
              </Table.Td>
              {showStock && (
                <>
                  <Table.Td ta="right">{l.reserved}</Table.Td>
                  <Table.Td ta="right" c={l.backordered > 0 ? 'orange' : undefined} fw={l.backordered > 0 ? 600 : undefined}>
                    {l.backordered}
                  </Table.Td>
                </>
              )}
              {showFulfilment && (
                <>
                  <Table.Td ta="right">{l.picked}</Table.Td>
                  <Table.Td ta="right" c={l.shipped >= l.quantity ? 'green.8' : undefined} fw={l.shipped > 0 ? 600 : undefined}>
                    {l.shipped}
                  </Table.Td>
                </>
              )}
              <Table.Td ta="right" style={nums}>
                {money(l.unitPrice)}
              </Table.Td>
              <Table.Td ta="right">
                {editable && onChange ? (
                  <NumberCell
                    key={`${l.id}-${l.discountBps}`}
                    label={`Discount % of ${l.sku}`}
                    initial={percentText(l.discountBps)}
                    parse={parsePercent}
                    invalid="0 to 100"
                    disabled={busy}
                    onCommit={(bps) => onChange(l, l.quantity, bps)}
                    onDone={onDone}
                  />
                ) : (
                  percentText(l.discountBps)
                )}
              </Table.Td>
              <Table.Td ta="right" style={nums} fw={500}>
                {money(l.gross)}
              </Table.Td>
              {editable && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${l.sku}`}
                    disabled={busy || !onRemove}
                    onClick={() => onRemove?.(l)}
                  >
                    <span aria-hidden>✕</span>
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const nums = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** A small input committed with Enter or on leaving it; Esc puts the old value back. */
function NumberCell({
  label,
  initial,
  parse,
  invalid,
  disabled,
  onCommit,
  onDone,
}: {
  label: string;
  initial: string;
  parse: (text: string) => number | null;
  invalid: string;
  disabled?: boolean;
  onCommit: (value: number) => void;
  onDone?: () => void;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState('');
  // What was last sent: leaving the field after Enter must not send it twice.
  const sent = useRef(initial);
  const commit = (): boolean => {
    if (text.trim() === sent.current) return true;
    const v = parse(text);
    if (v === null) {
      setError(invalid);
      return false;
    }
    setError('');
    sent.current = text.trim();
    onCommit(v);
    return true;
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (commit()) onDone?.();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setText(initial);
      setError('');
      onDone?.();
    }
  };
  return (
    <TextInput
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={onKey}
      onBlur={() => void commit()}
      onFocus={(e) => e.currentTarget.select()}
      error={error || undefined}
      disabled={disabled}
      size="xs"
      w={80}
      ml="auto"
      styles={{ input: { textAlign: 'right' } }}
      inputMode="numeric"
      autoComplete="off"
    />
  );
}
