import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './errors';
import { CustomersAPI, app } from './wails';

// Plain data views of the generated customer models (see types.ts).
type Data<T> = Omit<T, 'convertValues'>;
export type CustomerFields = Data<app.CustomerFields>;
export type AddressInput = Data<app.AddressInput>;
export type AddressView = Data<app.AddressView>;
export type CustomerView = Omit<Data<app.CustomerView>, 'addresses'> & { addresses: AddressView[] };
export type NewCustomer = CustomerFields & { addresses: AddressInput[] };
export type InteractionInput = Data<app.InteractionInput>;
export type InteractionView = Data<app.InteractionView>;
export type ExportFile = Data<app.ExportFile>;
export type ExportFormat = 'json' | 'xlsx';

/** Rows fetched per call of the customer list. */
export const CUSTOMER_PAGE_SIZE = 100;

export const customerKeys = {
  all: ['customers'] as const,
  search: (query: string, activeOnly: boolean) => ['customers', 'search', query, activeOnly] as const,
  one: (id: string) => ['customers', 'one', id] as const,
  timeline: (id: string) => ['customers', 'timeline', id] as const,
};

/** Customers matching what was typed, fetched a page at a time as the list scrolls. */
export function useCustomerSearch(query: string, activeOnly: boolean) {
  return useInfiniteQuery({
    queryKey: customerKeys.search(query, activeOnly),
    queryFn: ({ pageParam }) =>
      call(() => CustomersAPI.FindCustomers(query, activeOnly, CUSTOMER_PAGE_SIZE, pageParam)),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    // Keep showing the last answer while the next keystroke's is on its way.
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerKeys.one(id), queryFn: () => call(() => CustomersAPI.Customer(id)) });
}

export function useTimeline(id: string) {
  return useQuery({ queryKey: customerKeys.timeline(id), queryFn: () => call(() => CustomersAPI.Timeline(id, 200)) });
}

/** Every customer change may change any list, the customer and its timeline: re-read them. */
function useCustomerMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => call(() => fn(vars)),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export const useCreateCustomer = () =>
  useCustomerMutation((input: NewCustomer) => CustomersAPI.CreateCustomer(app.NewCustomer.createFrom(input)));

export const useUpdateCustomer = () =>
  useCustomerMutation(({ id, fields }: { id: string; fields: CustomerFields }) =>
    CustomersAPI.UpdateCustomer(id, app.CustomerFields.createFrom(fields)),
  );

export const useArchiveCustomer = () => useCustomerMutation((id: string) => CustomersAPI.ArchiveCustomer(id));

export const useRestoreCustomer = () => useCustomerMutation((id: string) => CustomersAPI.RestoreCustomer(id));

export const useAddAddress = () =>
  useCustomerMutation(({ customerId, address }: { customerId: string; address: AddressInput }) =>
    CustomersAPI.AddAddress(customerId, app.AddressInput.createFrom(address)),
  );

export const useUpdateAddress = () =>
  useCustomerMutation(({ id, address }: { id: string; address: AddressInput }) =>
    CustomersAPI.UpdateAddress(id, app.AddressInput.createFrom(address)),
  );

export const useDeleteAddress = () => useCustomerMutation((id: string) => CustomersAPI.DeleteAddress(id));

export const useSetDefaultAddress = () => useCustomerMutation((id: string) => CustomersAPI.SetDefaultAddress(id));

export const useAddInteraction = () =>
  useCustomerMutation(({ customerId, interaction }: { customerId: string; interaction: InteractionInput }) =>
    CustomersAPI.AddInteraction(customerId, app.InteractionInput.createFrom(interaction)),
  );

/** The GDPR export as a file; the backend records in the audit log that it was made. */
export const useExportCustomer = () =>
  useCustomerMutation(({ id, format }: { id: string; format: ExportFormat }) =>
    CustomersAPI.ExportCustomerData(id, format),
  );

/**
 * The GDPR export saved through the native save dialog of the desktop window
 * (WebKitGTK does not save download links); resolves to the path, or "" when
 * the user cancelled.
 */
export const useSaveCustomerExport = () =>
  useCustomerMutation(({ id, format }: { id: string; format: ExportFormat }) => CustomersAPI.ExportCustomer(id, format));

export const useEraseCustomer = () =>
  useCustomerMutation(({ id, reason }: { id: string; reason: string }) => CustomersAPI.EraseCustomer(id, reason));
