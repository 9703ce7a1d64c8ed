import { useQuery } from "@tanstack/react-query";
import type { ServiceDetailResponse, ServiceSparklinesResponse, ServicesResponse } from "@/lib/api/types";
import type { ServiceId } from "@/lib/identity/service-identity";
import { fetchJson } from "@/lib/ui/fetch-json";
import { queryKeys, serviceUrl, servicesUrl, sparklinesUrl, timeKeyOf } from "@/lib/ui/query-keys";
import { apiTimeParams, refreshIntervalMs, type ViewState } from "@/lib/ui/url-state";

/** Sparkline width the overview asks for: about 40 points per line, enough for a trend, cheap for 2,000 rows. */
export const SPARKLINE_WIDTH = 120;
/** Chart width the service page asks for: the API's 300-point maximum. */
export const DETAIL_CHART_WIDTH = 900;

/** Every service's current RED values, polled at the view's refresh interval. */
export function useServices(view: ViewState) {
  const time = timeKeyOf(view);
  return useQuery({
    queryKey: queryKeys.services(time),
    // Resolved when the request is made, not at render: an `at` window follows the clock on refresh.
    queryFn: ({ signal }) => fetchJson<ServicesResponse>(servicesUrl(apiTimeParams(time, Date.now() / 1000)), signal),
    refetchInterval: refreshIntervalMs(view.refresh),
  });
}

/**
 * Every service's sparklines over the range: a request of their own, so the rows show before these
 * (slower) range queries end. The first one waits for `after` (the current values have come), so
 * that its range queries do not compete with the rows' queries for the upstream's CPU.
 */
export function useServiceSparklines(view: ViewState, after: boolean) {
  const time = timeKeyOf(view);
  return useQuery({
    queryKey: queryKeys.sparklines(time, SPARKLINE_WIDTH),
    queryFn: ({ signal }) => fetchJson<ServiceSparklinesResponse>(sparklinesUrl(apiTimeParams(time, Date.now() / 1000), SPARKLINE_WIDTH), signal),
    refetchInterval: refreshIntervalMs(view.refresh),
    enabled: after,
  });
}

/** One service's series and breakdowns over the range. */
export function useServiceDetail(id: ServiceId, view: ViewState) {
  const time = timeKeyOf(view);
  return useQuery({
    queryKey: queryKeys.service(id, time, DETAIL_CHART_WIDTH),
    queryFn: ({ signal }) => fetchJson<ServiceDetailResponse>(serviceUrl(id, apiTimeParams(time, Date.now() / 1000), DETAIL_CHART_WIDTH), signal),
    refetchInterval: refreshIntervalMs(view.refresh),
  });
}
