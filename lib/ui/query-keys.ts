// The TanStack Query key and the API URL of every query, side by side; components/app/queries.ts pairs
// them into queryOptions, so a key and its request never drift apart.
import { identityParams, serviceKey, type ServiceId } from "@/lib/identity/service-identity";
import type { ApiTimeParams, ViewState } from "./url-state";

/**
 * The time part of a key: the URL's text, not resolved instants, so a relative range keeps one cache
 * entry while it refreshes; with the source the view is narrowed to, which every answer depends on too.
 */
export type TimeKey = Pick<ViewState, "from" | "to" | "at"> & { source?: string };

/** The time (and source, when narrowed) part of a view, as every data key takes it. */
export const timeKeyOf = (view: ViewState): TimeKey => ({
  from: view.from,
  to: view.to,
  at: view.at,
  ...(view.source ? { source: view.source } : {}),
});

/** A key of what holds now, narrowed to a source where asked: the same key as ever for all sources. */
const nowKey = (name: string, source: string) =>
  source ? (["signalboard", name, source] as const) : (["signalboard", name] as const);

export const queryKeys = {
  all: ["signalboard"] as const,
  services: (time: TimeKey) => ["signalboard", "services", { ...time }] as const,
  sparklines: (time: TimeKey, width: number) => ["signalboard", "sparklines", { ...time, width }] as const,
  service: (id: ServiceId, time: TimeKey, width: number) =>
    ["signalboard", "service", serviceKey(id), { ...time, width }] as const,
  slos: (time: TimeKey) => ["signalboard", "slos", { ...time }] as const,
  /** The SLOs now, whatever range a page shows: what the wall screen shows. */
  slosNow: (source = "") => nowKey("slos-now", source),
  nodes: (time: TimeKey) => ["signalboard", "nodes", { ...time }] as const,
  node: (name: string, time: TimeKey, width: number) => ["signalboard", "node", name, { ...time, width }] as const,
  /** Current values only, no sparklines: what the wall screen shows. */
  servicesNow: (source = "") => nowKey("services-now", source),
  alerts: (source = "") => nowKey("alerts", source),
  status: () => ["signalboard", "status"] as const,
  health: () => ["signalboard", "health"] as const,
};

function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** `GET /api/v1/services`: current values over the view's range (which decides the rate window and who counts as seen). */
export function servicesUrl(time: ApiTimeParams): string {
  return `/api/v1/services${query({ ...time })}`;
}

/** `GET /api/v1/services?series=only`: the overview's sparklines sized for `width` pixels, asked apart so rows need not wait for them. */
export function sparklinesUrl(time: ApiTimeParams, width: number): string {
  return `/api/v1/services${query({ ...time, width, series: "only" })}`;
}

/** `GET /api/v1/services/{name}?namespace=…` with series sized for `width` pixels. */
export function serviceUrl(id: ServiceId, time: ApiTimeParams, width: number): string {
  return `/api/v1/services/${encodeURIComponent(id.name)}${query({ ...identityParams(id), ...time, width })}`;
}

/** `GET /api/v1/slos`: every SLO's state at the view's instant (`at`, else the end of the range), worst budget first. */
export function slosUrl(time: ApiTimeParams): string {
  return `/api/v1/slos${query({ ...time })}`;
}

/** `GET /api/v1/slos` now, for the wall screen; `source` ("" for all) narrows it. */
export function slosNowUrl(source = ""): string {
  return `/api/v1/slos${query({ source: source || undefined })}`;
}

/** `GET /api/v1/services` for the current values alone: no range series, so no range queries upstream. */
export function servicesNowUrl(source = ""): string {
  return `/api/v1/services${query({ source: source || undefined })}`;
}

/** `GET /api/v1/alerts`: the alerts firing and pending now, whatever range the page shows. */
export function alertsUrl(source = ""): string {
  return `/api/v1/alerts${query({ source: source || undefined })}`;
}

/** `GET /api/v1/status`: upstream reachability and the server's limits. */
export function statusUrl(): string {
  return "/api/v1/status";
}

/** `GET /api/health`: liveness and the running build. */
export function healthUrl(): string {
  return "/api/health";
}

/** `GET /api/v1/nodes`: current USE values and Kubernetes health; no series, so no width. */
export function nodesUrl(time: ApiTimeParams): string {
  return `/api/v1/nodes${query({ ...time })}`;
}

/** `GET /api/v1/nodes/{name}` with series sized for `width` pixels (the time params carry its source). */
export function nodeUrl(name: string, time: ApiTimeParams, width: number): string {
  return `/api/v1/nodes/${encodeURIComponent(name)}${query({ ...time, width })}`;
}
