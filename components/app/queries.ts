// Every API query the pages run, as TanStack Query `queryOptions`: key, request and poll policy in one
// place, so a hook, the server's prefetch and a cache read name each query the same way.
import { queryOptions, type QueryKey } from "@tanstack/react-query";
import type { ServiceId } from "@/lib/identity/service-identity";
import type { AlertsResponse } from "@/lib/model/alert-types";
import type { NodeDetailResponse, NodesResponse } from "@/lib/model/node-types";
import type { SlosResponse } from "@/lib/model/slo-types";
import type {
  ServiceDetailResponse,
  ServiceSparklinesResponse,
  ServicesResponse,
  StatusResponse,
} from "@/lib/model/types";
import { fetchJson } from "@/lib/ui/fetch-json";
import {
  alertsUrl,
  healthUrl,
  nodeUrl,
  nodesUrl,
  queryKeys,
  serviceUrl,
  servicesNowUrl,
  servicesUrl,
  slosNowUrl,
  slosUrl,
  sparklinesUrl,
  statusUrl,
  timeKeyOf,
  type TimeKey,
} from "@/lib/ui/query-keys";
import { apiTimeParams, refreshIntervalMs, type ApiTimeParams, type ViewState } from "@/lib/ui/url-state";

/** Sparkline width the overview asks for: about 40 points per line, enough for a trend, cheap for 2,000 rows. */
const SPARKLINE_WIDTH = 120;
/** Chart width the service and node pages ask for: the API's 300-point maximum. */
const DETAIL_CHART_WIDTH = 900;

/**
 * The one fetch and poll policy of a page's data: keyed by the view's time as the URL writes it, its
 * times resolved when each request is made (an `at` window follows the clock), polled at the view's refresh.
 */
function viewQuery<T>(view: ViewState, key: (time: TimeKey) => QueryKey, url: (time: ApiTimeParams) => string) {
  const time = timeKeyOf(view);
  return queryOptions({
    queryKey: key(time),
    queryFn: ({ signal }) => fetchJson<T>(url(apiTimeParams(time, Date.now() / 1000)), signal),
    refetchInterval: refreshIntervalMs(view.refresh),
  });
}

/** A query of what holds now, whatever range a page shows; each caller sets its own poll. */
function nowQuery<T>(queryKey: QueryKey, url: string) {
  return queryOptions({ queryKey, queryFn: ({ signal }) => fetchJson<T>(url, signal) });
}

/** Every service's current RED values. */
export const servicesQuery = (view: ViewState) => viewQuery<ServicesResponse>(view, queryKeys.services, servicesUrl);

/** Every service's sparklines over the range, asked apart so the rows need not wait for them. */
export const sparklinesQuery = (view: ViewState) =>
  viewQuery<ServiceSparklinesResponse>(
    view,
    (time) => queryKeys.sparklines(time, SPARKLINE_WIDTH),
    (time) => sparklinesUrl(time, SPARKLINE_WIDTH),
  );

/** One service's series and breakdowns over the range. */
export const serviceQuery = (id: ServiceId, view: ViewState) =>
  viewQuery<ServiceDetailResponse>(
    view,
    (time) => queryKeys.service(id, time, DETAIL_CHART_WIDTH),
    (time) => serviceUrl(id, time, DETAIL_CHART_WIDTH),
  );

/** Every SLO's state at the view's instant, joined to the overview's rows by identity. */
export const slosQuery = (view: ViewState) => viewQuery<SlosResponse>(view, queryKeys.slos, slosUrl);

/** Every SLO's state now: what the wall screen's worst budgets show. */
export const slosNowQuery = (source = "") => nowQuery<SlosResponse>(queryKeys.slosNow(source), slosNowUrl(source));

/** Every node's current USE values and the cluster's health. */
export const nodesQuery = (view: ViewState) => viewQuery<NodesResponse>(view, queryKeys.nodes, nodesUrl);

/** One node's series, filesystems and Kubernetes data over the range. */
export const nodeQuery = (name: string, view: ViewState) =>
  viewQuery<NodeDetailResponse>(
    view,
    (time) => queryKeys.node(name, time, DETAIL_CHART_WIDTH),
    (time) => nodeUrl(name, time, DETAIL_CHART_WIDTH),
  );

/** The alerts firing and pending now: one cache entry for the whole app. */
export const alertsQuery = (source = "") => nowQuery<AlertsResponse>(queryKeys.alerts(source), alertsUrl(source));

/** Every service's current values, no range series: what the wall screen shows. */
export const servicesNowQuery = (source = "") =>
  nowQuery<ServicesResponse>(queryKeys.servicesNow(source), servicesNowUrl(source));

/** Upstream reachability and the server's limits. */
export const statusQuery = () => nowQuery<StatusResponse>(queryKeys.status(), statusUrl());

/** Liveness and the running build. */
export const healthQuery = () => nowQuery<{ status: string; build: string }>(queryKeys.health(), healthUrl());
