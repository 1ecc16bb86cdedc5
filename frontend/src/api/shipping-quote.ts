import { useQuery } from '@tanstack/react-query';
import { quote, shippingKeys, useCarriers, type ShippingQuote } from './shipping';

// What the pack station needs of carriers (api/shipping.ts): the active
// ones to choose from, and a live quote as the packages change. Its keys
// start with "shipping", so carriers:changed re-reads them too.

/** The active carriers with their active services. */
export function useActiveCarriers() {
  return useCarriers(true);
}

/**
 * What a shipment would cost by the carrier's rate table, re-asked as the
 * packages change. Disabled until a service, a country and every weight are known.
 */
export function useQuote(carrierId: string, serviceId: string, country: string, weightsG: readonly number[] | null) {
  const ready = !!carrierId && !!serviceId && !!country && !!weightsG && weightsG.length > 0;
  return useQuery({
    queryKey: [...shippingKeys.all, 'quote', carrierId, serviceId, country, ...(weightsG ?? [])],
    queryFn: (): Promise<ShippingQuote> => quote(carrierId, serviceId, country, [...(weightsG ?? [])]),
    enabled: ready,
    retry: false,
    staleTime: 30_000,
  });
}
