import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { processSingleton } from "@/lib/server/singleton";

/** Seconds: from a cached answer (5 ms) to an upstream timeout (30 s), for our answers and the upstream's alike. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  const seconds = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Histogram<L>({ name, help, labelNames, buckets: DURATION_BUCKETS, registers: [registry] });
  return {
    registry,
    httpRequests: counter("signalboard_http_requests_total", "Requests served, by route template and status code.", [
      "route",
      "status_code",
    ]),
    httpDuration: seconds("signalboard_http_request_duration_seconds", "Time to answer a request, by route template.", [
      "route",
    ]),
    upstreamQueries: counter(
      "signalboard_upstream_queries_total",
      "Requests sent to the Prometheus-API upstreams, by source, endpoint and outcome.",
      ["source", "endpoint", "outcome"],
    ),
    upstreamDuration: seconds(
      "signalboard_upstream_query_duration_seconds",
      "Time the upstream took to answer, by endpoint.",
      ["endpoint"],
    ),
    cacheRequests: counter(
      "signalboard_query_cache_requests_total",
      "Upstream questions by how they were answered: hit, miss, coalesced (shared an in-flight request) or stale.",
      ["result"],
    ),
    cacheBytes: new Gauge({
      name: "signalboard_query_cache_bytes",
      help: "Estimated bytes of the upstream answers held in each source's cache (together bounded by cache.maxMegabytes).",
      labelNames: ["source"],
      registers: [registry],
    }),
    warmTicks: new Counter({
      name: "signalboard_warm_ticks_total",
      help: "Scrape slots at whose start the live answers were computed ahead of the viewers.",
      registers: [registry],
    }),
    warmRuns: counter(
      "signalboard_warm_runs_total",
      "Live questions computed ahead of the viewers, by outcome (success, error, skipped while the last still ran).",
      ["outcome"],
    ),
    rateLimited: new Counter({
      name: "signalboard_rate_limited_total",
      help: "Upstream queries not sent because their client had used up server.rateLimit; their requests answered 429.",
      registers: [registry],
    }),
    warmShapes: new Gauge({
      name: "signalboard_warm_shapes",
      help: "Distinct live questions kept warm: asked within cache.keepWarmSeconds.",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The process's one prom-client registry and its metrics. */
export function getMetrics(): Metrics {
  return processSingleton("metrics", createMetrics);
}
