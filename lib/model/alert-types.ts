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
  service: string | null;
  /** `node` or `instance` label */
  node: string | null;
  labels: Record<string, string>;
}

export interface AlertsResponse extends Freshness {
  alerts: AlertSummary[];
}
