import { useQuery } from '@tanstack/react-query';
import { call } from './errors';
import { ShippingAPI, type app } from './wails';

// Carriers and quotes for the pack station (ShippingAPI). The carriers
// admin edits them; the pack station only reads the active ones and prices.

type Data<T> = Omit<T, 'convertValues'>;
export type CarrierService = Data<app.CarrierServiceView>;
export type Carrier = Omit<Data<app.CarrierView>, 'services' | 'zones'> & { services: CarrierService[] };
export type Quote = Data<app.ShippingQuoteView>;

export const shippingKeys = {
  carriers: ['shipping', 'carriers', 'active'] as const,
  quote: (carrierId: string, serviceId: string, country: string, weightsG: readonly number[]) =>
    ['shipping', 'quote', carrierId, serviceId, country, ...weightsG] as const,
};

/** The active carriers with their services (only active services are kept). */
export function useActiveCarriers() {
  return useQuery({
    queryKey: shippingKeys.carriers,
    queryFn: async () => {
      const list: Carrier[] = await call(() => ShippingAPI.Carriers(true));
      return (list ?? [])
        .filter((c) => c.active)
        .map((c) => ({ ...c, services: (c.services ?? []).filter((s) => s.active) }));
    },
  });
}

/**
 * What a shipment would cost by the carrier's rate table, re-asked as the
 * packages change. Disabled until a service, a country and every weight are known.
 */
export function useQuote(carrierId: string, serviceId: string, country: string, weightsG: readonly number[] | null) {
  const ready = !!carrierId && !!serviceId && !!country && !!weightsG && weightsG.length > 0;
  return useQuery({
    queryKey: shippingKeys.quote(carrierId, serviceId, country, weightsG ?? []),
    queryFn: (): Promise<Quote> => call(() => ShippingAPI.Quote(carrierId, serviceId, country, [...(weightsG ?? [])])),
    enabled: ready,
    retry: false,
    staleTime: 30_000,
  });
}
