// Alerts as the UI groups and words them: by service, by severity level, and how long they have fired.
import type { AlertSummary } from "@/lib/model/alert-types";
import { formatAge } from "./format";

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

/** Alerts grouped by the service they name, each group in the API's order (firing, worst, longest first). */
export function alertsByService(alerts: readonly AlertSummary[]): Map<string, AlertSummary[]> {
  const out = new Map<string, AlertSummary[]>();
  for (const a of alerts) {
    if (a.service === null) continue;
    const group = out.get(a.service);
    if (group) group.push(a);
    else out.set(a.service, [a]);
  }
  return out;
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
  return alerts.map((a) => `${a.name} (${a.severity}, ${activeForText(a)})${a.summary ? `: ${a.summary}` : ""}`).join("\n");
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

/** A stable React key for an alert: its name plus every label, since one rule fires once per label set. */
export function alertKey(a: Pick<AlertSummary, "name" | "labels">): string {
  const labels = Object.keys(a.labels)
    .sort()
    .map((k) => `${k}=${a.labels[k]}`)
    .join(",");
  return `${a.name}{${labels}}`;
}
