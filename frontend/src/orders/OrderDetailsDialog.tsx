import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCompanyCurrency } from '../api/catalog';
import { CHANNELS, useNewOrder, useUpdateOrder, type Order, type OrderAddress } from '../api/orders';
import { useCountries } from '../api/settings';
import { useWarehouses } from '../api/stock';
import { formatMinor, parseMoney } from '../stock/money';
import { CustomerSelect } from './CustomerSelect';

const EMPTY: OrderAddress = { name: '', company: '', line1: '', line2: '', postalCode: '', city: '', region: '', country: '', phone: '' };

const sameAddress = (a: OrderAddress, b: OrderAddress) => (Object.keys(EMPTY) as (keyof OrderAddress)[]).every((k) => a[k] === b[k]);

/** A phone, email or web order: its channel, customer and warehouse; the draft opens for its lines. */
export function NewOrderDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (o: Order) => void }) {
  const warehouses = useWarehouses();
  const create = useNewOrder();
  const [channel, setChannel] = useState('phone');
  const [customerId, setCustomerId] = useState('');
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [error, setError] = useState<Record<string, string>>({});
  const active = (warehouses.data ?? []).filter((w) => w.active);
  const wh = warehouseId ?? active[0]?.id ?? '';
  return (
    <Modal opened={opened} onClose={onClose} title="New order">
      <form
        aria-label="New order"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { customerId, channel, warehouseId: wh, notes: '' },
            { onSuccess: onCreated, onError: (err) => setError({ [err.field || 'form']: err.message }) },
          );
        }}
      >
        <Stack gap="sm">
          <Select
            label="Channel"
            allowDeselect={false}
            data={CHANNELS.filter((c) => c.value !== 'counter').map((c) => ({ value: c.value, label: c.label }))}
            value={channel}
            onChange={(v) => setChannel(v ?? 'phone')}
            error={error.channel}
            comboboxProps={{ withinPortal: true }}
          />
          <CustomerSelect value={customerId} onChange={setCustomerId} placeholder="Type to search" error={error.customerId} description="Their addresses become the order’s" />
          <Select
            label="Ships from"
            allowDeselect={false}
            data={active.map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
            value={wh || null}
            onChange={setWarehouseId}
            error={error.warehouseId}
            comboboxProps={{ withinPortal: true }}
          />
          {error.form && (
            <Alert color="red" role="alert">
              {error.form}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Edits an order's header: customer, channel, warehouse, addresses, shipping charge, order discount and notes. */
export function OrderDetailsDialog({ order, opened, onClose }: { order: Order; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Details of order ${order.number}`} size="xl">
      {opened && <DetailsForm order={order} onClose={onClose} />}
    </Modal>
  );
}

function DetailsForm({ order: o, onClose }: { order: Order; onClose: () => void }) {
  const { minorUnits } = useCompanyCurrency();
  const warehouses = useWarehouses();
  const update = useUpdateOrder();
  const [customerId, setCustomerId] = useState(o.customerId);
  const [channel, setChannel] = useState(o.channel);
  const [warehouseId, setWarehouseId] = useState(o.warehouseId);
  const [billing, setBilling] = useState<OrderAddress>(o.billingAddress);
  const [shippingAddr, setShippingAddr] = useState<OrderAddress>(o.shippingAddress);
  const [same, setSame] = useState(sameAddress(o.billingAddress, o.shippingAddress));
  const [shipping, setShipping] = useState(formatMinor(o.shipping, minorUnits));
  const [discount, setDiscount] = useState(String(o.discountBps / 100));
  const [notes, setNotes] = useState(o.notes);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const customerChanged = customerId !== o.customerId;

  const submit = () => {
    const next: Record<string, string> = {};
    const ship = parseMoney(shipping, minorUnits);
    if (ship === null || ship < 0) next.shipping = 'Enter the shipping charge, e.g. 5.95 (0 for none).';
    const pct = Number(discount.trim().replace(',', '.') || '0');
    if (!Number.isFinite(pct) || pct < 0 || pct > 100) next.discountBps = 'Enter a discount between 0 and 100 %.';
    setErrors(next);
    if (Object.keys(next).length > 0 || ship === null) return;
    update.mutate(
      {
        id: o.id,
        version: o.version,
        fields: {
          customerId,
          channel,
          warehouseId,
          billingAddress: billing,
          shippingAddress: same ? billing : shippingAddr,
          notes,
          discountBps: Math.round(pct * 100),
          shipping: ship,
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Order ${o.number} saved.` });
          onClose();
        },
        onError: (err) => setErrors({ [err.field || 'form']: err.message }),
      },
    );
  };

  return (
    <form
      aria-label="Order details"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CustomerSelect value={customerId} onChange={setCustomerId} error={errors.customerId} />
          <Select
            label="Channel"
            allowDeselect={false}
            data={CHANNELS.map((c) => ({ value: c.value, label: c.label }))}
            value={channel}
            onChange={(v) => v && setChannel(v)}
            error={errors.channel}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Ships from"
            allowDeselect={false}
            data={(warehouses.data ?? []).filter((w) => w.active || w.id === o.warehouseId).map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
            value={warehouseId || null}
            onChange={(v) => v && setWarehouseId(v)}
            error={errors.warehouseId}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        {customerChanged ? (
          <Alert color="blue">The new customer’s default billing and shipping addresses become the order’s when you save.</Alert>
        ) : (
          <>
            <AddressFields title="Billing address" prefix="billingAddress" value={billing} onChange={setBilling} errors={errors} />
            <Checkbox label="Ship to the billing address" checked={same} onChange={(e) => setSame(e.currentTarget.checked)} />
            {!same && <AddressFields title="Shipping address" prefix="shippingAddress" value={shippingAddr} onChange={setShippingAddr} errors={errors} />}
          </>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Shipping charge" value={shipping} onChange={(e) => setShipping(e.currentTarget.value)} error={errors.shipping} inputMode="decimal" />
          <TextInput label="Order discount (%)" value={discount} onChange={(e) => setDiscount(e.currentTarget.value)} error={errors.discountBps} inputMode="decimal" />
        </SimpleGrid>
        <Textarea label="Notes" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} rows={2} />
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddressFields({
  title,
  prefix,
  value: a,
  onChange,
  errors,
}: {
  title: string;
  prefix: string;
  value: OrderAddress;
  onChange: (a: OrderAddress) => void;
  errors: Record<string, string>;
}) {
  const countries = useCountries();
  const field = (k: keyof OrderAddress, label: string) => (
    <TextInput
      label={label}
      aria-label={`${title}: ${label}`}
      value={a[k]}
      onChange={(e) => onChange({ ...a, [k]: e.currentTarget.value })}
      error={errors[`${prefix}.${k}`]}
    />
  );
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Title order={3} size="h5" component="legend" mb={4}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        {field('name', 'Name')}
        {field('company', 'Company')}
        {field('phone', 'Phone')}
        {field('line1', 'Address line 1')}
        {field('line2', 'Address line 2')}
        {field('region', 'Region')}
        {field('postalCode', 'Postal code')}
        {field('city', 'City')}
        <Select
          label="Country"
          aria-label={`${title}: Country`}
          searchable
          clearable
          data={(countries.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          value={a.country || null}
          onChange={(v) => onChange({ ...a, country: v ?? '' })}
          error={errors[`${prefix}.country`]}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {a.name === '' && a.line1 === '' && (
        <Text size="xs" c="dimmed" mt={4}>
          Empty: none on the order.
        </Text>
      )}
    </fieldset>
  );
}

