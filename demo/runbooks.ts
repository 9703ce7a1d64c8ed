// Small runbook pages for the demo alerts, so runbook_url links in the dashboard lead somewhere real.

interface Runbook {
  meaning: string;
  checks: string[];
  query: string; // opened in Prometheus's classic UI
}

const runbooks: Record<string, Runbook> = {
  HighErrorRatio: {
    meaning:
      "More than 5 % of the requests to a service answered with a 5xx status for at least 30 s. 4xx answers (404, 402, 409 …) are the client's fault and do not count.",
    checks: [
      "Which routes fail? Break the error ratio down by route and status_code.",
      "Is the service failing itself (500/503) or passing on a failing dependency (502/504)? Follow the call graph: frontend → catalog, cart, checkout, recommendations; checkout → payments, inventory; catalog → inventory.",
      "Did something change just before: a deploy, a dead instance, a saturated node?",
    ],
    query: 'sum by (job, route, status_code) (rate(http_request_duration_seconds_count{status_code=~"5.."}[1m]))',
  },
  HighLatencyP99: {
    meaning:
      "The 99th percentile of request duration of a service has been above 1 s for 30 s: one request in a hundred is slow enough for people to notice.",
    checks: [
      "Is the median up as well (everything slow) or only the tail (some requests, some instances)?",
      "Is a dependency slow? A caller's latency includes its dependencies' latency.",
      "Is the node saturated (CPU load per core, memory pressure)?",
    ],
    query: "histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket[1m])))",
  },
  InstanceDown: {
    meaning:
      "Prometheus could not scrape an instance of a service for 15 s: the process is gone, hangs, or the network to it is broken.",
    checks: [
      "Does the instance answer at all (curl its /metrics)?",
      "Do its callers now fail (502) because they still send it traffic?",
      "Is the rest of the service able to carry the load?",
    ],
    query: "up == 0",
  },
  NodeDown: {
    meaning: "Prometheus could not scrape node_exporter for 15 s: the machine is down, or its exporter is.",
    checks: [
      "Does the machine answer (ping, ssh)?",
      "Is node_exporter running and listening?",
      "Are the services on that machine down too?",
    ],
    query: 'up{job="node"}',
  },
};

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface SignalboardLink {
  href: string;
  /** When the alert became active (unix seconds); undefined when it is not active now. */
  at: number | undefined;
}

function signalboardSection(link: SignalboardLink | undefined): string {
  if (!link) return "";
  const when =
    link.at === undefined
      ? "The alert is not active now: the link opens the last hour."
      : `The alert became active at ${new Date(link.at * 1000).toISOString()}: the link opens the 30 minutes either side of it.`;
  return `<h2>In signalboard</h2><p><a href="${escape(link.href)}">Open in signalboard</a>. ${escape(when)}</p>\n`;
}

/** The page for an alert, or undefined for an unknown one. */
export function runbookPage(alert: string, prometheusUrl: string, signalboard?: SignalboardLink): string | undefined {
  const book = Object.hasOwn(runbooks, alert) ? runbooks[alert] : undefined;
  if (!book) return undefined;
  const graph = `${prometheusUrl}/classic/graph?g0.expr=${encodeURIComponent(book.query)}&g0.tab=0&g0.range_input=1h`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Runbook: ${escape(alert)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;line-height:1.5;padding:0 1rem}code{background:#eee;padding:0 .2rem}</style>
</head><body>
<h1>Runbook: ${escape(alert)}</h1>
<p><em>signalboard demo runbook</em></p>
<h2>What it means</h2><p>${escape(book.meaning)}</p>
<h2>What to check</h2><ol>${book.checks.map((c) => `<li>${escape(c)}</li>`).join("")}</ol>
<p>In Prometheus: <a href="${escape(graph)}"><code>${escape(book.query)}</code></a></p>
${signalboardSection(signalboard)}<h2>In the demo</h2><p>Incidents are injected on purpose. End them with <code>npm run incident -- clear</code>; they also expire by themselves.</p>
</body></html>
`;
}
