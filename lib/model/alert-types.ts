import type { Freshness, FromSource, SourceStates } from "./types";

export interface AlertSummary extends FromSource {
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

export interface AlertsResponse extends Freshness, SourceStates {
  alerts: AlertSummary[];
}
