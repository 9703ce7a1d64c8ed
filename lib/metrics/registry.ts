import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { processSingleton } from "@/lib/server/singleton";

/** Seconds, from a cache hit (5 ms) to the upstream timeout's range (30 s). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: "signalboard_http_requests_total",
      help: "Requests served, by route template and status code.",
      labelNames: ["route", "status_code"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "signalboard_http_request_duration_seconds",
      help: "Time to answer a request, by route template.",
      labelNames: ["route"] as const,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    upstreamQueries: new Counter({
      name: "signalboard_upstream_queries_total",
      help: "Requests sent to the Prometheus-API upstream, by endpoint and outcome.",
      labelNames: ["endpoint", "outcome"] as const,
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: "signalboard_upstream_query_duration_seconds",
      help: "Time the upstream took to answer, by endpoint.",
      labelNames: ["endpoint"] as const,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    cacheRequests: new Counter({
      name: "signalboard_query_cache_requests_total",
      help: "Upstream questions by how they were answered: hit, miss, coalesced (shared an in-flight request) or stale.",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The process's one prom-client registry and its metrics. */
export function getMetrics(): Metrics {
  return processSingleton("metrics", createMetrics);
}
