import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Product, useCompanyCurrency, useCreateProduct, useTaxClasses, useUpdateProduct } from '../api/catalog';
import { applyApiError, type ApiError } from '../api/errors';
import { PRODUCT_FIELDS, emptyProduct, formToInput, productToForm, validateProduct, type ProductFormValues } from './productForm';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The product to edit; none to create one. */
  product?: Product;
  onSaved?: (p: Product) => void;
}

/** Creates or edits a product. Prices are typed in major units of the company currency. */
export function ProductEditor({ opened, onClose, product, onSaved }: Props) {
  const currency = useCompanyCurrency();
  const taxClasses = useTaxClasses();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<ProductFormValues>({ initialValues: emptyProduct, validate: validateProduct(currency.minorUnits) });

  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!opened) return;
    const values = product ? productToForm(product, currency.minorUnits) : emptyProduct;
    setValues(values);
    resetDirty(values);
    // Only when the dialog opens or another product is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, product?.id, product?.updatedAt, currency.minorUnits]);

  const close = () => {
    form.clearErrors();
    setGeneral(null);
    onClose();
  };

  const submit = (values: ProductFormValues) => {
    setGeneral(null);
    const input = formToInput(values, currency.minorUnits);
    const done = {
      onSuccess: (p: Product) => {
        notifications.show({ color: 'green', message: `Product ${p.sku} saved.` });
        onSaved?.(p);
        close();
      },
      onError: (err: unknown) => setGeneral(applyApiError(form, err, PRODUCT_FIELDS)),
    };
    if (product) update.mutate({ id: product.id, input }, done);
    else create.mutate(input, done);
  };

  const title = product ? `Edit ${product.sku}` : 'New product';
  const money = { rightSection: currency.code, rightSectionWidth: 48, inputMode: 'decimal' as const, autoComplete: 'off' };
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form onSubmit={form.onSubmit(submit)} aria-label={title}>
        <Stack gap="sm">
          {general && (
            <Alert color="red" role="alert">
              {general.message}
            </Alert>
          )}
          <SimpleGrid cols={2}>
            <TextInput label="SKU" withAsterisk data-autofocus autoComplete="off" {...form.getInputProps('sku')} />
            <TextInput label="Unit" description="pcs, kg, m…" autoComplete="off" {...form.getInputProps('unit')} />
          </SimpleGrid>
          <TextInput label="Name" withAsterisk autoComplete="off" {...form.getInputProps('name')} />
          <TagsInput
            label="Barcodes"
            description="Scan or type a barcode and press Enter"
            splitChars={[',', ' ']}
            clearable
            {...form.getInputProps('barcodes')}
          />
          <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
          <SimpleGrid cols={3}>
            <TextInput label="Price" {...money} {...form.getInputProps('price')} />
            <TextInput label="Cost" {...money} {...form.getInputProps('cost')} />
            <Select
              label="Tax class"
              placeholder="None"
              clearable
              data={(taxClasses.data ?? []).map((t) => ({ value: t.id, label: `${t.name} (${t.rateBps / 100} %)` }))}
              {...form.getInputProps('taxClassId')}
              onChange={(v) => form.setFieldValue('taxClassId', v ?? '')}
            />
          </SimpleGrid>
          <SimpleGrid cols={4}>
            <NumberInput label="Weight (g)" min={0} allowDecimal={false} {...form.getInputProps('weightG')} />
            <NumberInput label="Length (mm)" min={0} allowDecimal={false} {...form.getInputProps('lengthMm')} />
            <NumberInput label="Width (mm)" min={0} allowDecimal={false} {...form.getInputProps('widthMm')} />
            <NumberInput label="Height (mm)" min={0} allowDecimal={false} {...form.getInputProps('heightMm')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <NumberInput label="Reorder point" min={0} allowDecimal={false} {...form.getInputProps('reorderPoint')} />
            <NumberInput label="Reorder quantity" min={0} allowDecimal={false} {...form.getInputProps('reorderQty')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              Save product
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
