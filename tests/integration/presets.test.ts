import { describe, expect, it } from "vitest";
import type { ServiceDetailResponse, ServicesResponse } from "@/lib/model/types";
import { api, promQuery } from "./helpers";

/** One preset's service in the demo, and the literal PromQL its definitions are (docs/definitions.md). */
interface Case {
  service: string;
  convention: string;
  /** The request counter's selector, with the service's and the preset's own matchers. */
  requests: string;
  /** The matcher of failed requests. */
  failed: string;
  /** The bucket selector, and the divisor to seconds. */
  buckets: string;
  toSeconds: number;
  /** The matcher of successful requests on the buckets, where the histogram has the status label. */
  succeeded?: string;
}

const APISERVER = 'job="apiserver",verb!~"WATCH|CONNECT",subresource!~"proxy|attach|log|exec|portforward"';
const GRPC_FAILED = "Unknown|DeadlineExceeded|Unimplemented|Internal|Unavailable|DataLoss";

const CASES: Case[] = [
  // Real: the demo Prometheus scrapes itself.
  {
    service: "prometheus",
    convention: "prometheus",
    requests: 'prometheus_http_requests_total{job="prometheus"}',
    failed: 'code=~"5.."',
    buckets: 'prometheus_http_request_duration_seconds_bucket{job="prometheus"}',
    toSeconds: 1,
  },
  // Fixtures of demo/preset-fixtures.ts.
  {
    service: "apiserver",
    convention: "kube-apiserver",
    requests: `apiserver_request_total{${APISERVER}}`,
    failed: 'code=~"5.."',
    buckets: `apiserver_request_duration_seconds_bucket{${APISERVER}}`,
    toSeconds: 1,
  },
  {
    service: "coredns",
    convention: "coredns",
    requests: 'coredns_dns_responses_total{job="coredns"}',
    failed: 'rcode="SERVFAIL"',
    buckets: 'coredns_dns_request_duration_seconds_bucket{job="coredns"}',
    toSeconds: 1,
  },
  {
    service: "stock",
    convention: "grpc-go",
    requests: 'grpc_server_handled_total{job="stock"}',
    failed: `grpc_code=~"${GRPC_FAILED}"`,
    buckets: 'grpc_server_handling_seconds_bucket{job="stock"}',
    toSeconds: 1,
  },
  {
    service: "pricing",
    convention: "otel-rpc",
    requests: 'rpc_server_duration_milliseconds_count{job="pricing"}',
    failed: 'rpc_grpc_status_code=~"2|4|12|13|14|15"',
    buckets: 'rpc_server_duration_milliseconds_bucket{job="pricing"}',
    toSeconds: 1000,
    succeeded: 'rpc_grpc_status_code!~"2|4|12|13|14|15"',
  },
  {
    service: "shipping",
    convention: "envoy",
    requests: 'envoy_cluster_upstream_rq{envoy_cluster_name="shipping"}',
    failed: 'envoy_response_code=~"5.."',
    buckets: 'envoy_cluster_upstream_rq_time_bucket{envoy_cluster_name="shipping"}',
    toSeconds: 1000,
  },
];

/** `metric{a="x"}` with one more matcher. */
const and = (selector: string, matcher: string) => `${selector.slice(0, -1)},${matcher}}`;

/** The single value of an instant query, or null where it has none. */
async function value(query: string, at: number): Promise<number | null> {
  const [first] = await promQuery(query, at);
  return first ? Number(first.value[1]) : null;
}

describe("the presets against the real Prometheus", () => {
  it("list Prometheus itself and each fixture once, owned by its preset", async () => {
    const { body } = await api<ServicesResponse>("/api/v1/services");
    for (const c of CASES) {
      const rows = body.services.filter((s) => s.name === c.service);
      expect(
        rows.map((s) => s.convention),
        c.service,
      ).toEqual([c.convention]);
    }
  });

  it("give each service the request rate, error ratio and p99 Prometheus evaluates for the literal PromQL", async () => {
    // Off the scrape grid, in the past: both sides answer the same instant over the same window.
    const at = Math.floor(Date.now() / 1000) - 12 + 0.25;
    const { status, body } = await api<ServicesResponse>(`/api/v1/services?at=${at}`);
    expect(status).toBe(200);
    expect(body.at).toBe(at);
    const W = `${body.window}s`;
    for (const c of CASES) {
      const s = body.services.find((x) => x.name === c.service);
      expect(s, c.service).toBeDefined();
      if (!s) continue;
      const rate = await value(`sum(rate(${c.requests}[${W}]))`, at);
      const failed = await value(`sum(rate(${and(c.requests, c.failed)}[${W}]))`, at);
      const p99 = await value(`histogram_quantile(0.99, sum by (le) (rate(${c.buckets}[${W}]))) / ${c.toSeconds}`, at);
      expect(rate, c.service).toBeGreaterThan(0);
      expect(s.requestRate, c.service).toBeCloseTo(rate ?? NaN, 6);
      // No failed series in the window means none failed: 0, as the API says (docs/definitions.md).
      expect(s.errorRatio, c.service).toBeCloseTo((failed ?? 0) / (rate ?? NaN), 6);
      expect(s.latency.p99, c.service).toBeCloseTo(p99 ?? NaN, 6);
      expect(s.latencyByOutcome, c.service).toBe(c.succeeded !== undefined);
      if (c.succeeded) {
        const okP99 = await value(
          `histogram_quantile(0.99, sum by (le) (rate(${and(c.buckets, c.succeeded)}[${W}]))) / ${c.toSeconds}`,
          at,
        );
        expect(s.latencySuccess.p99, c.service).toBeCloseTo(okP99 ?? NaN, 6);
      } else {
        // Not measured by this convention: null, not every request counted as a success.
        expect(s.latencySuccess, c.service).toEqual({ p50: null, p90: null, p99: null });
        expect(s.latencyFailure, c.service).toEqual({ p50: null, p90: null, p99: null });
      }
    }
  });

  it("leave the API server's WATCH and exec out: minutes-long streams would be its p99", async () => {
    const { body } = await api<ServicesResponse>("/api/v1/services");
    const apiserver = body.services.find((s) => s.name === "apiserver");
    expect(apiserver?.latency.p99).toBeGreaterThan(0);
    expect(apiserver?.latency.p99).toBeLessThan(1);
  });

  it("give a service page without a status label on its histogram no latency of successes or failures", async () => {
    const { status, body } = await api<ServiceDetailResponse>("/api/v1/services/prometheus?from=now-5m&to=now");
    expect(status).toBe(200);
    expect(body.service.latencyByOutcome).toBe(false);
    expect(body.series.latency.p99.length).toBeGreaterThan(0);
    expect(body.series.latencySuccess.p99).toEqual([]);
    expect(body.series.latencyFailure.p99).toEqual([]);
    expect(body.breakdowns.byRoute?.map((r) => r.name)).toContain("/metrics");
  });
});
