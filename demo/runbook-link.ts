// The link from a demo runbook page back to signalboard, at the time the alert started: what a
// runbook or an Alertmanager template should do in production (README "Links from alerts").
// Prometheus's annotation templates know the alert's labels but not when it became active, so
// the runbook_url carries the labels and this asks Prometheus's /api/v1/alerts for activeAt.

/** Labels a runbook link may carry: the ones that say which service or node is concerned. */
export const LINK_LABELS = ["job", "instance"] as const;

interface PrometheusAlert {
  labels: Record<string, string>;
  state: string;
  activeAt: string;
}

/**
 * When the earliest active (pending or firing) alert of this name with these labels became
 * active, in unix seconds; undefined when there is none or Prometheus does not answer.
 * https://prometheus.io/docs/prometheus/latest/querying/api/#alerts
 */
export async function alertActiveSince(
  prometheusUrl: string,
  alertname: string,
  labels: Record<string, string>,
): Promise<number | undefined> {
  try {
    const res = await fetch(`${prometheusUrl}/api/v1/alerts`, { signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { data?: { alerts?: PrometheusAlert[] } };
    const starts = (body.data?.alerts ?? [])
      .filter((a) => a.labels.alertname === alertname && Object.entries(labels).every(([k, v]) => a.labels[k] === v))
      .map((a) => Math.floor(Date.parse(a.activeAt) / 1000))
      .filter(Number.isFinite);
    return starts.length ? Math.min(...starts) : undefined;
  } catch {
    return undefined;
  }
}

/** The signalboard page for what an alert is about: a node for NodeDown (its instance), else the service named by `job`. */
export function dashboardPath(alertname: string, labels: Record<string, string>): string | undefined {
  if (alertname === "NodeDown" && labels.instance) return `/nodes/${encodeURIComponent(labels.instance)}`;
  if (labels.job) return `/services/${encodeURIComponent(labels.job)}`;
  return undefined;
}

/** `at` alone opens the 30 minutes either side of the alert's start, with a marker; without it, the last hour. */
export const timeQuery = (at: number | undefined) => (at === undefined ? "from=now-1h&to=now" : `at=${at}`);
