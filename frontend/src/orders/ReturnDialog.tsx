import { useState } from 'react';
import { Alert, Autocomplete, Button, Group, Modal, Radio, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { usePaymentMethods, type Order } from '../api/orders';
import { useCreateReturn, useReturnableLines, type ReturnableLine } from '../api/returns';
import { useBins, useProductLevels, type Bin } from '../api/stock';
import {
  buildReturn,
  formKey,
  lineRefund,
  parseQuantity,
  refundPreview,
  RETURN_REASONS,
  type RefundChoice,
  type ReturnErrors,
  type ReturnForm,
  type ReturnLineForm,
} from './returnForm';

interface Props {
  order: Order;
  opened: boolean;
  onClose: () => void;
  money: (minor: number) => string;
}

/** Records goods of a shipped or delivered order coming back: lines, quantities, restock or write off, and the refund. */
export function ReturnDialog({ order, opened, onClose, money }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Return from order ${order.number}`} size="xl">
      {opened && <ReturnPanel order={order} onClose={onClose} money={money} />}
    </Modal>
  );
}

function ReturnPanel({ order, onClose, money }: Omit<Props, 'opened'>) {
  const returnable = useReturnableLines(order.id);
  const bins = useBins(order.warehouseId);
  if (returnable.isError || bins.isError) {
    return (
      <Alert color="red" title="The return cannot be recorded">
        {(returnable.error ?? bins.error)?.message}
      </Alert>
    );
  }
  if (!returnable.data || (order.warehouseId && !bins.data)) return <Text c="dimmed">Loading…</Text>;
  const activeBins = (bins.data ?? []).filter((b) => b.active);
  if (returnable.data.every((l) => l.returnable === 0)) {
    return (
      <Alert color="blue" title="Nothing left to return">
        Everything shipped on this order has come back already.
      </Alert>
    );
  }
  return <ReturnFormView order={order} returnable={returnable.data} bins={activeBins} onClose={onClose} money={money} />;
}

function ReturnFormView({
  order,
  returnable,
  bins,
  onClose,
  money,
}: {
  order: Order;
  returnable: ReturnableLine[];
  bins: Bin[];
  onClose: () => void;
  money: (minor: number) => string;
}) {
  const create = useCreateReturn();
  const methods = usePaymentMethods();
  const [form, setForm] = useState<ReturnForm>(() => ({
    reason: '',
    note: '',
    refund: 'original',
    refundMethodId: '',
    lines: returnable.map((l) => ({ orderLineId: l.orderLineId, quantity: '', disposition: bins.length > 0 ? 'restock' : 'write_off', binId: '' })),
  }));
  const [errors, setErrors] = useState<ReturnErrors>({});
  const setLine = (id: string, change: Partial<ReturnLineForm>) => {
    setForm((f) => ({ ...f, lines: f.lines.map((l) => (l.orderLineId === id ? { ...l, ...change } : l)) }));
    setErrors((e) => {
      const next = { ...e };
      delete next[`${id}.quantity`];
      delete next[`${id}.binId`];
      delete next.lines;
      return next;
    });
  };
  const preview = refundPreview(form, returnable);

  const submit = () => {
    const built = buildReturn(form, returnable);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    create.mutate(
      { orderId: order.id, request: built.request },
      {
        onSuccess: (r) => {
          const pending = r.refunds.some((p) => !p.completed);
          notifications.show({
            color: 'green',
            title: `Return ${r.number} recorded`,
            message:
              r.refundTotal > 0
                ? `${money(r.refundTotal)} ${r.refundMethod === 'store_credit' ? 'to store credit' : pending ? 'to pay out' : 'refunded'}.`
                : 'No refund.',
          });
          onClose();
        },
        onError: (err) => setErrors({ [formKey(err.field, built.request) || 'form']: err.message }),
      },
    );
  };

  const refundOptions: { value: RefundChoice; label: string }[] = [
    { value: 'original', label: 'To the original payment' },
    ...(order.customerId ? [{ value: 'store_credit' as const, label: 'To store credit' }] : []),
    { value: 'none', label: 'No refund' },
  ];

  return (
    <form
      aria-label="Return"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {bins.length === 0 && (
          <Alert color="yellow">
            The order’s warehouse has no bins, so goods cannot be restocked: add a bin under Warehouse → Warehouses, or write them
            off.
          </Alert>
        )}
        <Table aria-label="Lines to return" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Product</Table.Th>
              <Table.Th scope="col" ta="right">
                Shipped
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Returned
              </Table.Th>
              <Table.Th scope="col">Quantity back</Table.Th>
              <Table.Th scope="col">What happens to it</Table.Th>
              <Table.Th scope="col" ta="right">
                Refund
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {returnable.map((l) => {
              const f = form.lines.find((x) => x.orderLineId === l.orderLineId);
              if (!f) return null;
              const qty = parseQuantity(f.quantity);
              return (
                <ReturnLineRow
                  key={l.orderLineId}
                  line={l}
                  form={f}
                  warehouseId={order.warehouseId}
                  bins={bins}
                  errors={errors}
                  refund={form.refund !== 'none' && qty && qty <= l.returnable ? money(lineRefund(l, qty)) : ''}
                  onChange={(c) => setLine(l.orderLineId, c)}
                />
              );
            })}
          </Table.Tbody>
        </Table>
        {errors.lines && (
          <Text c="red" size="sm" role="alert">
            {errors.lines}
          </Text>
        )}
        <Group grow align="flex-start">
          <Autocomplete
            label="Reason"
            withAsterisk
            data={[...RETURN_REASONS]}
            value={form.reason}
            onChange={(reason) => {
              setForm((f) => ({ ...f, reason }));
              setErrors((e) => ({ ...e, reason: '' }));
            }}
            error={errors.reason || undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea label="Note" value={form.note} onChange={(e) => setForm({ ...form, note: e.currentTarget.value })} error={errors.note} rows={1} />
        </Group>
        <Radio.Group
          label="Refund"
          value={form.refund}
          onChange={(v) => setForm((f) => ({ ...f, refund: v as RefundChoice }))}
          error={errors.refund || undefined}
        >
          <Group mt={4}>
            {refundOptions.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Radio.Group>
        {form.refund === 'original' && (
          <Select
            label="Refund through"
            description="Empty: back the way it was paid, the method holding most first"
            placeholder="As it was paid"
            clearable
            data={(methods.data ?? []).filter((m) => m.kind !== 'account').map((m) => ({ value: m.id, label: m.name }))}
            value={form.refundMethodId || null}
            onChange={(v) => setForm((f) => ({ ...f, refundMethodId: v ?? '' }))}
            error={errors.refundMethodId}
            comboboxProps={{ withinPortal: true }}
            maw={360}
          />
        )}
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <Group justify="space-between">
          <Text role="status" aria-label="Refund total" fw={600}>
            Refund {money(preview)}
            {form.refund === 'store_credit' && preview > 0 ? ' as store credit' : ''}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={create.isPending}>
              Record return
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function ReturnLineRow({
  line: l,
  form: f,
  warehouseId,
  bins,
  errors,
  refund,
  onChange,
}: {
  line: ReturnableLine;
  form: ReturnLineForm;
  warehouseId: string;
  bins: Bin[];
  errors: ReturnErrors;
  refund: string;
  onChange: (c: Partial<ReturnLineForm>) => void;
}) {
  // Restock goes, unless chosen otherwise, to the bin of this warehouse holding most of the product.
  const levels = useProductLevels(l.productId);
  const home = (levels.data ?? [])
    .filter((s) => s.warehouseId === warehouseId && bins.some((b) => b.id === s.binId))
    .sort((a, b) => b.onHand - a.onHand)[0]?.binId;
  const binId = f.binId || home || bins[0]?.id || '';
  const done = l.returnable === 0;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        <Text size="sm" fw={600}>
          {l.sku}
        </Text>
        <Text size="xs" c="dimmed">
          {l.name}
        </Text>
      </Table.Th>
      <Table.Td ta="right">{l.shipped}</Table.Td>
      <Table.Td ta="right">{l.returned}</Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`Quantity back of ${l.sku}`}
          description={done ? 'All back' : `up to ${l.returnable}`}
          value={f.quantity}
          onChange={(e) => onChange({ quantity: e.currentTarget.value, binId })}
          error={errors[`${l.orderLineId}.quantity`]}
          disabled={done}
          inputMode="numeric"
          autoComplete="off"
          w={110}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <SegmentedControl
            aria-label={`Disposition of ${l.sku}`}
            size="xs"
            disabled={done}
            data={[
              { value: 'restock', label: 'Restock', disabled: bins.length === 0 },
              { value: 'write_off', label: 'Write off' },
            ]}
            value={f.disposition}
            onChange={(v) => onChange({ disposition: v as ReturnLineForm['disposition'], binId })}
          />
          {f.disposition === 'restock' && (
            <Select
              aria-label={`Bin for ${l.sku}`}
              size="xs"
              w={120}
              allowDeselect={false}
              disabled={done}
              data={bins.map((b) => ({ value: b.id, label: b.code }))}
              value={binId || null}
              onChange={(v) => onChange({ binId: v ?? '' })}
              error={errors[`${l.orderLineId}.binId`]}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </Group>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {refund}
      </Table.Td>
    </Table.Tr>
  );
}
