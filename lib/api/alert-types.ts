import type { Freshness } from "./types";

export interface AlertSummary {
  name: string;
  state: "firing" | "pending";
  severity: string;
  summary: string;
  description: string;
  /** http(s) only; null when absent or not a web link. */
  runbookUrl: string | null;
  /** unix seconds */
  activeAt: number | null;
  /** Seconds active as of the data's time: when the answer is stale, as of `ageSeconds` ago, not now. */
  activeForSeconds: number | null;
  /** The service the alert names; with `namespace`, the alert belongs to services as alertBelongsTo says. */
  service: string | null;
  /** The alert's namespace label (a convention's, or `namespace`); null when it has none. */
  namespace: string | null;
  /** `node` or `instance` label */
  node: string | null;
  labels: Record<string, string>;
}

export interface AlertsResponse extends Freshness {
  alerts: AlertSummary[];
}

export interface StatusResponse {
  upstream: { url: string; reachable: boolean; version: string | null; error: string | null };
  scrapeIntervalSeconds: number;
  conventions: { name: string; inUse: boolean; services: number; requests: string; duration: string; serviceLabel: string }[];
  thresholds: { errorRatio: { degraded: number; failing: number }; p99Seconds: { degraded: number; failing: number } };
  limits: { maxRangeDays: number; maxSeries: number; minRefreshSeconds: number };
}
