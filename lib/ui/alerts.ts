// Alerts as the UI groups and words them: by service, by severity level, and how long they have fired.
import type { AlertSummary } from "@/lib/model/alert-types";
import { alertBelongsTo, serviceKey, type ServiceId } from "@/lib/identity/service-identity";
import { formatAge } from "./format";
import { sameSource } from "./sources";

/** Three levels are all a badge can tell apart at a glance; every severity label maps to one. */
export const SEVERITY_LEVELS = ["critical", "warning", "info"] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

// Severity labels are free text in alerting rules; these are the spellings in common use.
const CRITICAL = new Set(["critical", "crit", "page", "error", "high", "emergency", "alert", "fatal", "p1", "sev1"]);
const WARNING = new Set(["warning", "warn", "medium", "moderate", "p2", "p3", "sev2", "sev3"]);

/** The level a `severity` label stands for: critical, warning, or info for everything else (info, none, low…). */
export function severityLevel(severity: string): SeverityLevel {
  const s = severity.trim().toLowerCase();
  if (CRITICAL.has(s)) return "critical";
  if (WARNING.has(s)) return "warning";
  return "info";
}

const NO_ALERTS: readonly AlertSummary[] = [];

/**
 * The alerts of each service (alertBelongsTo, and its source where it has one), in the API's order (firing, worst, longest first).
 * A lookup answers the same array for the same service every time, so memoised rows stay memoised.
 */
export function alertsByService(alerts: readonly AlertSummary[]): (id: ServiceId) => readonly AlertSummary[] {
  const byName = new Map<string, AlertSummary[]>();
  for (const a of alerts) if (a.service !== null) byName.set(a.service, [...(byName.get(a.service) ?? []), a]);
  const answered = new Map<string, readonly AlertSummary[]>();
  return (id) => {
    const key = serviceKey(id);
    let found = answered.get(key);
    if (!found) {
      const mine = (byName.get(id.name) ?? []).filter((a) => alertBelongsTo(a, id) && sameSource(a, id));
      found = mine.length ? mine : NO_ALERTS;
      answered.set(key, found);
    }
    return found;
  };
}

/** The most severe level among `alerts`, firing ones before pending; null for none. */
export function worstLevel(alerts: readonly AlertSummary[]): SeverityLevel | null {
  const firing = alerts.filter((a) => a.state === "firing");
  const pool = firing.length ? firing : alerts;
  let best: number | null = null;
  for (const a of pool) {
    const i = SEVERITY_LEVELS.indexOf(severityLevel(a.severity));
    if (best === null || i < best) best = i;
  }
  return best === null ? null : (SEVERITY_LEVELS[best] ?? null);
}

/** "firing for 3 min", "pending for 20 s", or just the state when the start is unknown. */
export function activeForText(a: Pick<AlertSummary, "state" | "activeForSeconds">): string {
  return a.activeForSeconds === null ? a.state : `${a.state} for ${formatAge(a.activeForSeconds)}`;
}

/** One line per alert, for a tooltip: "HighErrorRatio (critical, firing for 3 min): checkout: 41 % of requests fail". */
export function alertsTooltip(alerts: readonly AlertSummary[]): string {
  return alerts
    .map((a) => `${a.name} (${a.severity}, ${activeForText(a)})${a.summary ? `: ${a.summary}` : ""}`)
    .join("\n");
}

/** The runbook of the first alert that has one: the most urgent, given the API's order. */
export function firstRunbook(alerts: readonly AlertSummary[]): { alert: string; url: string } | null {
  for (const a of alerts) if (a.runbookUrl) return { alert: a.name, url: a.runbookUrl };
  return null;
}

/** How many alerts are firing and how many pending. */
export function alertCounts(alerts: readonly AlertSummary[]): { firing: number; pending: number } {
  let firing = 0;
  for (const a of alerts) if (a.state === "firing") firing++;
  return { firing, pending: alerts.length - firing };
}

/** A stable React key for an alert: its source, name and every label, since one rule fires once per label set. */
export function alertKey(a: Pick<AlertSummary, "name" | "labels" | "source">): string {
  const labels = Object.keys(a.labels)
    .sort()
    .map((k) => `${k}=${a.labels[k]}`)
    .join(",");
  return `${a.source ? `${a.source}:` : ""}${a.name}{${labels}}`;
}
