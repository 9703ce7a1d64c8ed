import type { Convention } from "@/lib/config/schema";
import type { UpstreamAlert } from "@/lib/prometheus/types";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import type { AlertsResponse, AlertSummary } from "@/lib/model/alert-types";
import { alertBelongsTo, type ServiceId } from "@/lib/identity/service-identity";
import { allConventions } from "./conventions";
import type { SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import type { FiringAlert } from "./service-status";

const SEVERITY_ORDER = ["critical", "page", "error", "warning", "info", "none"];
// Labels that name a service in common alerting rules, after the conventions' own service labels.
const SERVICE_LABELS = ["service", "job", "app", "app_kubernetes_io_name"];

/** The runbook link, only when it is a plain http(s) URL: annotations are not trusted HTML. */
export function safeRunbookUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

/** The service an alert is about: the first label that names one, conventions' labels first. */
export function alertService(labels: Record<string, string>, conventions: readonly Convention[]): string | null {
  const names = [...new Set([...conventions.map((c) => c.serviceLabel), ...SERVICE_LABELS])];
  for (const n of names) if (labels[n]) return labels[n];
  return null;
}

/** The namespace an alert is about: the first namespace label it has, conventions' labels first. */
export function alertNamespace(labels: Record<string, string>, conventions: readonly Convention[]): string | null {
  const names = [
    ...new Set([...conventions.flatMap((c) => (c.namespaceLabel ? [c.namespaceLabel] : [])), "namespace"]),
  ];
  for (const n of names) if (labels[n]) return labels[n];
  return null;
}

/**
 * The firing alerts of each service, from the `ALERTS` series of one instant, by the rule the
 * browser applies too (alertBelongsTo): the name, and the namespace where the alert has one.
 */
export function firingAlertsByService(
  series: readonly InstantSeries[],
  conventions: readonly Convention[],
): (id: ServiceId) => FiringAlert[] {
  const byName = new Map<string, { alert: FiringAlert; service: string; namespace: string | null }[]>();
  for (const { labels } of series) {
    const service = alertService(labels, conventions);
    if (service === null) continue;
    const entry = {
      alert: { name: labels.alertname ?? "(unnamed)", severity: labels.severity ?? "none" },
      service,
      namespace: alertNamespace(labels, conventions),
    };
    byName.set(service, [...(byName.get(service) ?? []), entry]);
  }
  return (id) => (byName.get(id.name) ?? []).filter((e) => alertBelongsTo(e, id)).map((e) => e.alert);
}

/** One upstream alert as the UI shows it. */
export function summarizeAlert(a: UpstreamAlert, conventions: readonly Convention[], nowSeconds: number): AlertSummary {
  const activeAt = a.activeAt ? Date.parse(a.activeAt) / 1000 : null;
  return {
    name: a.labels.alertname ?? "(unnamed)",
    state: a.state === "firing" ? "firing" : "pending",
    severity: a.labels.severity ?? "none",
    summary: a.annotations.summary ?? a.annotations.message ?? a.annotations.description ?? "",
    description: a.annotations.description ?? "",
    runbookUrl: safeRunbookUrl(a.annotations.runbook_url),
    activeAt: activeAt !== null && Number.isFinite(activeAt) ? activeAt : null,
    activeForSeconds:
      activeAt !== null && Number.isFinite(activeAt) ? Math.max(0, Math.round(nowSeconds - activeAt)) : null,
    service: alertService(a.labels, conventions),
    namespace: alertNamespace(a.labels, conventions),
    node: a.labels.node ?? a.labels.instance ?? null,
    labels: a.labels,
  };
}

const STATE_ORDER: Record<AlertSummary["state"], number> = { firing: 0, pending: 1 };

/** Firing first, then by severity, then the longest-active first. */
export function compareAlerts(a: AlertSummary, b: AlertSummary): number {
  const sev = (s: string) => (SEVERITY_ORDER.includes(s) ? SEVERITY_ORDER.indexOf(s) : SEVERITY_ORDER.length);
  return (
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    sev(a.severity) - sev(b.severity) ||
    (b.activeForSeconds ?? 0) - (a.activeForSeconds ?? 0)
  );
}

/** Firing and pending alerts of the upstream, mapped to services and nodes. */
export async function activeAlerts(deps: SignalDeps, nowSeconds: number): Promise<AlertsResponse> {
  const fresh = new FreshnessTracker();
  const answer = await deps.upstream.alerts();
  const upstream = fresh.take(answer);
  const conventions = allConventions(deps.cfg);
  // A stale copy says how long each alert had been active when Prometheus last answered, not now:
  // counting on from its old start would pass an alert that may have resolved for a live one.
  const asOf = nowSeconds - (answer.stale ? answer.ageSeconds : 0);
  const alerts = upstream.filter((a) => a.state !== "inactive").map((a) => summarizeAlert(a, conventions, asOf));
  alerts.sort(compareAlerts);
  return { ...fresh.summary(), alerts };
}
