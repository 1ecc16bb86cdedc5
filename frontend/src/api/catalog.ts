import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './errors';
import { useCompany, useCurrencies } from './settings';
import type { app } from './wails';
import { CatalogAPI, app as models } from './wails';

type Data<T> = Omit<T, 'convertValues'>;
export type Product = Data<app.Product>;
export type ProductInput = Data<app.ProductInput>;
export type ProductFilter = Data<app.ProductFilter>;
export type ProductPage = Data<app.ProductPage>;
export type TaxClass = Data<app.TaxClass>;
export type TaxClassInput = Data<app.TaxClassInput>;

/** Query keys of the catalog; everything product-related starts with "catalog". */
export const catalogKeys = {
  all: ['catalog'] as const,
  productPages: ['catalog', 'productPage'] as const,
  productPage: (f: Omit<ProductFilter, 'offset' | 'limit'>, page: number, size: number) =>
    ['catalog', 'productPage', f.query, f.activeOnly, f.lowStock, page, size] as const,
  product: (id: string) => ['catalog', 'product', id] as const,
  taxClasses: ['catalog', 'taxClasses'] as const,
};

/** A search total above this means "more than 10,000" (catalog.SearchTotalCap). */
export const SEARCH_TOTAL_CAP = 10_000;

export function fetchProductPage(filter: ProductFilter): Promise<ProductPage> {
  return call(() => CatalogAPI.FindProducts(models.ProductFilter.createFrom(filter)));
}

/** Looks a scanned barcode up; resolves null when no product carries it. */
export async function productByBarcode(value: string): Promise<Product | null> {
  try {
    return await call(() => CatalogAPI.ProductByBarcode(value));
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOTFOUND' || (e as { code?: string }).code === 'EINVALID') return null;
    throw e;
  }
}

export function useProduct(id: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.product(id ?? ''),
    queryFn: () => call(() => CatalogAPI.ProductByID(id ?? '')),
    enabled: !!id,
  });
}

export function useTaxClasses() {
  return useQuery({ queryKey: catalogKeys.taxClasses, queryFn: () => call(CatalogAPI.TaxClasses) });
}

function useCatalogMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => call(() => fn(vars)),
    onSuccess: () => qc.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

export const useCreateProduct = () =>
  useCatalogMutation((input: ProductInput) => CatalogAPI.CreateProduct(models.ProductInput.createFrom(input)));

export const useUpdateProduct = () =>
  useCatalogMutation(({ id, input }: { id: string; input: ProductInput }) =>
    CatalogAPI.UpdateProduct(id, models.ProductInput.createFrom(input)),
  );

export const useArchiveProduct = () => useCatalogMutation((id: string) => CatalogAPI.ArchiveProduct(id));
export const useRestoreProduct = () => useCatalogMutation((id: string) => CatalogAPI.RestoreProduct(id));

export const useCreateTaxClass = () =>
  useCatalogMutation((input: TaxClassInput) => CatalogAPI.CreateTaxClass(models.TaxClassInput.createFrom(input)));

/** The company currency: its code and how many minor units (digits after the point) it has. */
export function useCompanyCurrency(): { code: string; minorUnits: number; ready: boolean } {
  const company = useCompany();
  const currencies = useCurrencies();
  const code = company.data?.currency ?? '';
  const cur = currencies.data?.find((c) => c.code === code);
  return { code, minorUnits: cur?.minorUnits ?? 2, ready: !!company.data && !!currencies.data };
}

/** Products by id, each from its own cached query (as useProduct), for lists that show a few products. */
export function useProducts(ids: readonly string[]): Map<string, Product> {
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: catalogKeys.product(id), queryFn: () => call(() => CatalogAPI.ProductByID(id)) })),
  });
  const map = new Map<string, Product>();
  for (const r of results) if (r.data) map.set(r.data.id, r.data);
  return map;
}
