import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Product } from '../../api/catalog';
import { applyApiError, type ApiError } from '../../api/errors';
import { useAdjust, useBins, useWarehouses } from '../../api/stock';
import { signed } from '../labels';
import { ADJUST_FIELDS, adjustmentInput, emptyAdjustment, validateAdjustment, type AdjustForm } from './adjustForm';

/**
 * Corrects a product's stock at a warehouse and bin by a signed quantity,
 * with a required reason; the Go error is shown by its field.
 */
export function AdjustStockDialog({ product, opened, onClose }: { product: Product; opened: boolean; onClose: () => void }) {
  const warehouses = useWarehouses();
  const form = useForm<AdjustForm>({ initialValues: emptyAdjustment, validate: (v) => validateAdjustment(v) });
  const bins = useBins(form.values.warehouseId);
  const adjust = useAdjust();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const title = 'Adjust stock';

  const close = () => {
    form.reset();
    setGeneral(null);
    onClose();
  };
  const submit = (v: AdjustForm) => {
    setGeneral(null);
    adjust.mutate(adjustmentInput(product.id, v), {
      onSuccess: (m) => {
        notifications.show({ color: 'green', message: `Adjusted ${product.sku} by ${signed(m.quantity)}.` });
        close();
      },
      onError: (err: unknown) => setGeneral(applyApiError(form, err, ADJUST_FIELDS)),
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form onSubmit={form.onSubmit(submit)} aria-label={title} noValidate>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <Select
            label="Warehouse"
            withAsterisk
            allowDeselect={false}
            data={(warehouses.data ?? []).filter((w) => w.active).map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))}
            data-autofocus
            {...form.getInputProps('warehouseId')}
            onChange={(v) => {
              form.setFieldValue('warehouseId', v);
              form.setFieldValue('binId', null);
            }}
          />
          <Select
            label="Bin"
            placeholder="Not in a bin"
            clearable
            disabled={!form.values.warehouseId}
            data={(bins.data ?? []).filter((b) => b.active).map((b) => ({ value: b.id, label: b.code }))}
            {...form.getInputProps('binId')}
          />
          <NumberInput
            label="Quantity"
            description="Positive adds stock, negative removes it."
            withAsterisk
            allowDecimal={false}
            {...form.getInputProps('quantity')}
          />
          <TextInput label="Reason" withAsterisk {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={adjust.isPending}>
              Post adjustment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
