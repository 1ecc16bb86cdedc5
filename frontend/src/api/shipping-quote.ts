import { useQuery } from '@tanstack/react-query';
import { ApiError, call } from './errors';

// Carriers and quotes for the pack station (ShippingAPI). Its bindings are
// written on another branch; until they land this module calls the bound
// methods through the Wails runtime object (window.go.app.ShippingAPI)
// with the shape they are expected to have, and says so plainly when they
// are not there. Nothing else in the app touches ShippingAPI.

export type CarrierService = { id: string; code: string; name: string; active: boolean };
export type Carrier = {
  id: string;
  name: string;
  trackingUrl: string;
  trackingPattern: string;
  active: boolean;
  services: CarrierService[];
};
export type Quote = { cost: number; currency: string; zoneName: string; perPackage: number[] };

type ShippingBinding = {
  Carriers: (activeOnly: boolean) => Promise<Carrier[]>;
  Quote: (carrierId: string, serviceId: string, country: string, weightsG: number[]) => Promise<Quote>;
};

function binding(): ShippingBinding {
  const api = (window as unknown as { go?: { app?: { ShippingAPI?: Partial<ShippingBinding> } } }).go?.app?.ShippingAPI;
  if (!api?.Carriers || !api.Quote) {
    throw new ApiError('EINTERNAL', 'Carriers are not available in this version of the app.');
  }
  return api as ShippingBinding;
}

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
      const list = await call(() => binding().Carriers(true));
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
    queryFn: () => call(() => binding().Quote(carrierId, serviceId, country, [...(weightsG ?? [])])),
    enabled: ready,
    retry: false,
    staleTime: 30_000,
  });
}
