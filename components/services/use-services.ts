import { useQuery } from "@tanstack/react-query";
import { serviceQuery, servicesQuery, sparklinesQuery } from "@/components/app/queries";
import type { ServiceId } from "@/lib/identity/service-identity";
import type { ViewState } from "@/lib/ui/url-state";

/** Every service's current RED values, polled at the view's refresh interval. */
export function useServices(view: ViewState) {
  return useQuery(servicesQuery(view));
}

/**
 * Every service's sparklines over the range: a request of their own, so the rows show before these
 * (slower) range queries end. The first one waits for `after` (the current values have come), so
 * that its range queries do not compete with the rows' queries for the upstream's CPU.
 */
export function useServiceSparklines(view: ViewState, after: boolean) {
  return useQuery({ ...sparklinesQuery(view), enabled: after });
}

/** One service's series and breakdowns over the range. */
export function useServiceDetail(id: ServiceId, view: ViewState) {
  return useQuery(serviceQuery(id, view));
}
