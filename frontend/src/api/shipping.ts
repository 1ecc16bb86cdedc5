import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call, type ApiError } from './errors';
import type { app } from './wails';
import { EventsOn, ShippingAPI, app as models } from './wails';

// Carriers with their services, zones and offline rate tables (ShippingAPI).
// The admin configures them; packers read them and ask for quotes.

type Data<T> = Omit<T, 'convertValues'>;
export type CarrierService = Data<app.CarrierServiceView>;
export type ShippingZone = Data<app.ShippingZoneView>;
export type Carrier = Omit<Data<app.CarrierView>, 'services' | 'zones'> & {
  services: CarrierService[];
  zones: ShippingZone[];
};
export type ShippingRate = Data<app.ShippingRateView>;
export type RateBand = Data<app.ShippingRateBand>;
export type NewCarrier = Data<app.NewCarrier>;
export type CarrierChange = Data<app.CarrierChange>;
export type NewCarrierService = Data<app.NewCarrierService>;
export type CarrierServiceChange = Data<app.CarrierServiceChange>;
export type ZoneInput = Data<app.ShippingZoneInput>;
export type ShippingQuote = Data<app.ShippingQuoteView>;

/** The Countries entry of a carrier's rest-of-world zone. */
export const REST_OF_WORLD = '*';

export const shippingKeys = {
  all: ['shipping'] as const,
  carriers: (activeOnly: boolean) => ['shipping', 'carriers', activeOnly] as const,
  carrier: (id: string) => ['shipping', 'carrier', id] as const,
  rates: (serviceId: string) => ['shipping', 'rates', serviceId] as const,
};

/** Re-reads everything about carriers when the backend says one changed (carriers:changed). */
export function useCarrierEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof window === 'undefined' || !window.runtime) return;
    return EventsOn('carriers:changed', () => void qc.invalidateQueries({ queryKey: shippingKeys.all }));
  }, [qc]);
}

/** The carriers by name with services and zones; only active ones (and their active services) when activeOnly. */
export function useCarriers(activeOnly = false) {
  return useQuery({ queryKey: shippingKeys.carriers(activeOnly), queryFn: () => call(() => ShippingAPI.Carriers(activeOnly)) });
}

export function useCarrier(id: string | undefined) {
  return useQuery({
    queryKey: shippingKeys.carrier(id ?? ''),
    queryFn: () => call(() => ShippingAPI.Carrier(id ?? '')),
    enabled: !!id,
  });
}

/** A service's rate table: every band to every zone. */
export function useRates(serviceId: string | undefined) {
  return useQuery({
    queryKey: shippingKeys.rates(serviceId ?? ''),
    queryFn: () => call(() => ShippingAPI.Rates(serviceId ?? '')),
    enabled: !!serviceId,
  });
}

/** Any carrier change re-reads all carrier data: lists, the carrier, its rates. */
function useShippingMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation<R, ApiError, V>({
    mutationFn: (vars: V) => call(() => fn(vars)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: shippingKeys.all }),
  });
}

export const useCreateCarrier = () =>
  useShippingMutation((input: NewCarrier) => ShippingAPI.CreateCarrier(models.NewCarrier.createFrom(input)));

/** UpdateCarrier saves every field: pass the carrier as it is with the changes laid over. */
export const useUpdateCarrier = () =>
  useShippingMutation(({ id, change }: { id: string; change: CarrierChange }) =>
    ShippingAPI.UpdateCarrier(id, models.CarrierChange.createFrom(change)),
  );

export const useCreateService = () =>
  useShippingMutation(({ carrierId, input }: { carrierId: string; input: NewCarrierService }) =>
    ShippingAPI.CreateService(carrierId, models.NewCarrierService.createFrom(input)),
  );

export const useUpdateService = () =>
  useShippingMutation(({ id, change }: { id: string; change: CarrierServiceChange }) =>
    ShippingAPI.UpdateService(id, models.CarrierServiceChange.createFrom(change)),
  );

export const useCreateZone = () =>
  useShippingMutation(({ carrierId, input }: { carrierId: string; input: ZoneInput }) =>
    ShippingAPI.CreateZone(carrierId, models.ShippingZoneInput.createFrom(input)),
  );

export const useUpdateZone = () =>
  useShippingMutation(({ id, input }: { id: string; input: ZoneInput }) =>
    ShippingAPI.UpdateZone(id, models.ShippingZoneInput.createFrom(input)),
  );

/** Deletes a zone with every rate to it. */
export const useDeleteZone = () => useShippingMutation((id: string) => ShippingAPI.DeleteZone(id));

/** Replaces the rate table of a service to one zone; no bands clears it. */
export const useSetRates = () =>
  useShippingMutation(({ serviceId, zoneId, bands }: { serviceId: string; zoneId: string; bands: RateBand[] }) =>
    ShippingAPI.SetRates(serviceId, zoneId, bands.map((b) => models.ShippingRateBand.createFrom(b))),
  );

/** What packages of weightsG grams cost with a carrier's service to a country, by the rate table. */
export function quote(carrierId: string, serviceId: string, country: string, weightsG: number[]): Promise<ShippingQuote> {
  return call(() => ShippingAPI.Quote(carrierId, serviceId, country, weightsG));
}
