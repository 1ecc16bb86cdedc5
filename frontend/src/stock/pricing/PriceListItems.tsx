import { useState } from 'react';
import { Alert, Button, Group, Pagination, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Product, useCompanyCurrency } from '../../api/catalog';
import { applyApiError, toApiError, type ApiError } from '../../api/errors';
import {
  type PriceList,
  usePriceFor,
  usePriceListItems,
  usePricesFor,
  useRemovePriceListItem,
  useSetPriceListItem,
} from '../../api/pricing';
import { ProductSelect } from '../../warehouse/ProductSelect';
import { formatMoney } from '../money';
import { ITEM_FIELDS, itemPrice, validateItem, type ItemFormValues } from './forms';

const PAGE_SIZE = 50;

/** The products with their own price on one list, and (for managers) setting and removing them. */
export function PriceListItems({ list, canManage }: { list: PriceList; canManage: boolean }) {
  const currency = useCompanyCurrency();
  const [page, setPage] = useState(0);
  const items = usePriceListItems(list.id, page, PAGE_SIZE);
  const rows = items.data?.items ?? [];
  const total = items.data?.total ?? 0;
  const pays = usePricesFor(
    rows.map((r) => r.productId),
    list.customerGroup,
  );
  const remove = useRemovePriceListItem();
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const money = (minor: number) => formatMoney(minor, currency.minorUnits, currency.code);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const titleId = `price-list-items-${list.id}`;

  return (
    <Stack gap="sm" mt="lg" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h4" id={titleId}>
        Prices on {list.name}
      </Title>
      <Text size="sm" c="dimmed">
        {list.active
          ? `Customers in the group “${list.customerGroup}” pay these prices.`
          : `This list is inactive: customers in the group “${list.customerGroup}” pay the default prices.`}
      </Text>
      {canManage && <SetItemForm list={list} />}
      {(items.isError || removeError) && (
        <Alert color="red" role="alert">
          {(removeError ?? toApiError(items.error)).message}
        </Alert>
      )}
      <Table aria-label={`Prices on ${list.name}`} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">SKU</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col" ta="right">
              List price
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Group pays now
            </Table.Th>
            {canManage && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((it, i) => {
            const now = pays[i]?.data;
            return (
              <Table.Tr key={it.productId}>
                <Table.Td>{it.sku}</Table.Td>
                <Table.Td>{it.name}</Table.Td>
                <Table.Td ta="right">{money(it.price)}</Table.Td>
                <Table.Td ta="right">{now === undefined ? '…' : money(now)}</Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        aria-label={`Remove ${it.sku} from ${list.name}`}
                        loading={remove.isPending && remove.variables?.productId === it.productId}
                        onClick={() => {
                          setRemoveError(null);
                          remove.mutate(
                            { listId: list.id, productId: it.productId },
                            {
                              onSuccess: () =>
                                notifications.show({ color: 'green', message: `${it.sku} removed from ${list.name}.` }),
                              onError: (e) => setRemoveError(toApiError(e)),
                            },
                          );
                        }}
                      >
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {items.isPending
            ? 'Loading prices…'
            : total === 0
              ? `No products have their own price on this list${list.discountBps ? '; the discount applies to all.' : '.'}`
              : `${total} ${total === 1 ? 'product' : 'products'} with their own price.`}
        </Text>
        {pages > 1 && (
          <Pagination
            total={pages}
            value={page + 1}
            onChange={(p) => setPage(p - 1)}
            getControlProps={(c) => ({ 'aria-label': c === 'previous' ? 'Previous page' : c === 'next' ? 'Next page' : c })}
          />
        )}
      </Group>
    </Stack>
  );
}

function SetItemForm({ list }: { list: PriceList }) {
  const currency = useCompanyCurrency();
  const set = useSetPriceListItem();
  const [product, setProduct] = useState<Product | null>(null);
  const [general, setGeneral] = useState<ApiError | null>(null);
  const form = useForm<ItemFormValues>({
    initialValues: { productId: '', price: '' },
    validate: validateItem(currency.minorUnits),
  });
  const preview = usePriceFor(product?.id, list.customerGroup);
  const money = (minor: number) => formatMoney(minor, currency.minorUnits, currency.code);

  const submit = (values: ItemFormValues) => {
    setGeneral(null);
    const price = itemPrice(values, currency.minorUnits);
    set.mutate(
      { listId: list.id, productId: values.productId, price },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `${product?.sku ?? 'Product'} now costs ${money(price)} on ${list.name}.` });
          setProduct(null);
          form.reset();
        },
        onError: (e) => setGeneral(applyApiError(form, e, ITEM_FIELDS)),
      },
    );
  };

  return (
    <form onSubmit={form.onSubmit(submit)} aria-label={`Set a price on ${list.name}`} noValidate>
      <Stack gap="xs">
        {general && (
          <Alert color="red" role="alert">
            {general.message}
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap">
          <div style={{ flex: 2, minWidth: 260 }}>
            <ProductSelect
              label="Product"
              value={product}
              onChange={(p) => {
                setProduct(p);
                form.setFieldValue('productId', p?.id ?? '');
                form.clearFieldError('productId');
              }}
              error={form.errors.productId as string | undefined}
            />
          </div>
          <TextInput
            label={`Price (${currency.code || 'major units'})`}
            withAsterisk
            inputMode="decimal"
            autoComplete="off"
            rightSection={currency.code}
            rightSectionWidth={48}
            style={{ flex: 1, minWidth: 140 }}
            {...form.getInputProps('price')}
          />
          <Button type="submit" mt={25} loading={set.isPending}>
            Set price
          </Button>
        </Group>
        {product && (
          <Text size="sm" c="dimmed" aria-live="polite">
            Default price {money(product.price)}
            {preview.data !== undefined && ` · customers in “${list.customerGroup}” pay ${money(preview.data)} now`}
          </Text>
        )}
      </Stack>
    </form>
  );
}
