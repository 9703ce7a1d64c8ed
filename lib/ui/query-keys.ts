// One factory for every TanStack Query key and the API URL it stands for, so a key and its request never drift apart.
import type { ApiTimeParams, ViewState } from "./url-state";

/** The time part of a key: the URL's text, not resolved instants, so a relative range keeps one cache entry while it refreshes. */
export type TimeKey = Pick<ViewState, "from" | "to" | "at">;

export const queryKeys = {
  all: ["signalboard"] as const,
  services: (time: TimeKey, width: number) => ["signalboard", "services", { ...time, width }] as const,
  service: (name: string, time: TimeKey, width: number) => ["signalboard", "service", name, { ...time, width }] as const,
};

function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** `GET /api/v1/services` with sparklines sized for `width` pixels. */
export function servicesUrl(time: ApiTimeParams, width: number): string {
  return `/api/v1/services${query({ ...time, width, series: true })}`;
}

/** `GET /api/v1/services/{name}` with series sized for `width` pixels. */
export function serviceUrl(name: string, time: ApiTimeParams, width: number): string {
  return `/api/v1/services/${encodeURIComponent(name)}${query({ ...time, width })}`;
}
