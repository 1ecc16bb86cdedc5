// Pricing: tax classes, the "prices include tax" setting, price lists and their
// per-product prices. Query keys start with "catalog" so every catalog change
// refreshes them too. The price a customer group pays is always asked of Go
// (CatalogAPI.PriceFor); no pricing rule lives here.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogKeys, type TaxClassInput } from './catalog';
import { call } from './errors';
import type { app } from './wails';
import { CatalogAPI, app as models } from './wails';

type Data<T> = Omit<T, 'convertValues'>;
export type CatalogSettings = Data<app.CatalogSettings>;
export type PriceList = Data<app.PriceList>;
export type PriceListInput = Data<app.PriceListInput>;
export type PriceListItem = Data<app.PriceListItem>;
export type PriceListItemPage = Data<app.PriceListItemPage>;

export const pricingKeys = {
  settings: ['catalog', 'settings'] as const,
  priceLists: ['catalog', 'priceLists'] as const,
  items: (listId: string, page: number, size: number) => ['catalog', 'priceListItems', listId, page, size] as const,
  priceFor: (productId: string, group: string) => ['catalog', 'priceFor', productId, group] as const,
};

export function useCatalogSettings() {
  return useQuery({ queryKey: pricingKeys.settings, queryFn: () => call(CatalogAPI.Settings) });
}

export function usePriceLists() {
  return useQuery({ queryKey: pricingKeys.priceLists, queryFn: () => call(CatalogAPI.PriceLists) });
}

export function usePriceListItems(listId: string | undefined, page: number, size: number) {
  return useQuery({
    queryKey: pricingKeys.items(listId ?? '', page, size),
    queryFn: () => call(() => CatalogAPI.PriceListItems(listId ?? '', size, page * size)),
    enabled: !!listId,
    placeholderData: keepPreviousData,
  });
}

function priceForQuery(productId: string, group: string) {
  return {
    queryKey: pricingKeys.priceFor(productId, group),
    queryFn: () => call(() => CatalogAPI.PriceFor(productId, group)),
    enabled: productId !== '',
  };
}

/** What an order line for the product costs a customer of the group, as Go decides it. */
export function usePriceFor(productId: string | undefined, group: string) {
  return useQuery(priceForQuery(productId ?? '', group));
}

/** PriceFor for several products of one group at once (a page of a list's items). */
export function usePricesFor(productIds: readonly string[], group: string) {
  return useQueries({ queries: productIds.map((id) => priceForQuery(id, group)) });
}

function usePricingMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => call(() => fn(vars)),
    onSuccess: () => qc.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

export const useUpdateTaxClass = () =>
  usePricingMutation(({ id, input }: { id: string; input: TaxClassInput }) =>
    CatalogAPI.UpdateTaxClass(id, models.TaxClassInput.createFrom(input)),
  );

export const useDeleteTaxClass = () => usePricingMutation((id: string) => CatalogAPI.DeleteTaxClass(id));

export const useSetPricesIncludeTax = () =>
  usePricingMutation((include: boolean) => CatalogAPI.SetPricesIncludeTax(include));

/** How new orders compute tax: "line" (each line, summed) or "total" (per rate on the total). */
export const useSetTaxMode = () => usePricingMutation((mode: string) => CatalogAPI.SetTaxMode(mode));

/** Creates a price list; Go creates it active, so an inactive one is then updated to inactive. */
export const useCreatePriceList = () =>
  usePricingMutation(async (input: PriceListInput) => {
    const created = await CatalogAPI.CreatePriceList(models.PriceListInput.createFrom(input));
    if (input.active) return created;
    return CatalogAPI.UpdatePriceList(created.id, models.PriceListInput.createFrom(input));
  });

export const useUpdatePriceList = () =>
  usePricingMutation(({ id, input }: { id: string; input: PriceListInput }) =>
    CatalogAPI.UpdatePriceList(id, models.PriceListInput.createFrom(input)),
  );

export const useSetPriceListItem = () =>
  usePricingMutation(({ listId, productId, price }: { listId: string; productId: string; price: number }) =>
    CatalogAPI.SetPriceListItem(listId, productId, price),
  );

export const useRemovePriceListItem = () =>
  usePricingMutation(({ listId, productId }: { listId: string; productId: string }) =>
    CatalogAPI.RemovePriceListItem(listId, productId),
  );

export const useDeletePriceList = () => usePricingMutation((id: string) => CatalogAPI.DeletePriceList(id));
