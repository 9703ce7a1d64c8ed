// An Upstream over the real client whose fetch answers from recorded Prometheus answers, for unit
// tests of the upstream layer: the whole path (parsing, cap, cache, limiter) runs, no server does.
import { configSchema } from "@/lib/config/schema";
import { getMetrics } from "@/lib/metrics/registry";
import { createPrometheusClient } from "@/lib/prometheus/client";
import { createUpstream, type UpstreamOptions } from "@/lib/prometheus/upstream";

/**
 * An Upstream whose every request is answered by `respond(query, url)`; `asked` lists the queries
 * in order, `urls` every URL requested.
 */
export function upstreamOver(
  respond: (query: string, url: string) => Response | Promise<Response>,
  settings: Record<string, unknown> = {},
  options: UpstreamOptions = {},
) {
  const asked: string[] = [];
  const urls: string[] = [];
  const fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
    const query = new URLSearchParams(String(init?.body ?? "")).get("query") ?? "";
    asked.push(query);
    urls.push(String(url));
    return respond(query, String(url));
  }) as typeof globalThis.fetch;
  const cfg = configSchema.parse(settings);
  const client = createPrometheusClient({
    url: "http://prom:9090",
    timeoutMs: cfg.prometheus.timeoutSeconds * 1000,
    fetch,
  });
  return { upstream: createUpstream(client, cfg, getMetrics(), options), asked, urls };
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** What Prometheus answers while it starts: 503 in text/plain. */
export const starting = () =>
  new Response("Service Unavailable", {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Content-Type": "text/plain" },
  });

/** An instant vector in the Prometheus HTTP API's format (https://prometheus.io/docs/prometheus/latest/querying/api/). */
export const vector = (...jobs: [string, string][]) => ({
  status: "success",
  data: { resultType: "vector", result: jobs.map(([job, value]) => ({ metric: { job }, value: [1800000000, value] })) },
});

export const BAD_DATA = { status: "error", errorType: "bad_data", error: "1:1: parse error: unexpected end of input" };
