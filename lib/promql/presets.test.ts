import { describe, expect, it } from "vitest";
import type { Convention } from "@/lib/config/schema";
import { PRESETS } from "@/lib/signals/conventions";
import {
  conventionErrorRatio,
  conventionLatencyQuantile,
  conventionRequestRate,
  latencyBucketsByService,
  latencyQuantileByService,
} from "./red";

function preset(name: string): Convention {
  const c = PRESETS.find((p) => p.name === name);
  if (!c) throw new Error(`no preset ${name}`);
  return c;
}

const W = { window: 60 };
const one = (name: string) => ({ window: 60, service: { name } });

describe("the presets' PromQL", () => {
  it("keeps the precedence order: the HTTP and mesh presets first, then the new ones", () => {
    expect(PRESETS.map((p) => p.name).slice(-6)).toEqual([
      "prometheus",
      "kube-apiserver",
      "coredns",
      "grpc-go",
      "otel-rpc",
      "envoy",
    ]);
  });

  it("prometheus: its own HTTP API by job, 5xx as errors, latency of all requests", () => {
    const c = preset("prometheus");
    expect(conventionErrorRatio(c, one("prometheus"))).toBe(
      '(sum by (job) (rate(prometheus_http_requests_total{job="prometheus",code=~"5.."}[1m])) or 0 * sum by (job) (rate(prometheus_http_requests_total{job="prometheus"}[1m]))) / sum by (job) (rate(prometheus_http_requests_total{job="prometheus"}[1m]))',
    );
    expect(conventionLatencyQuantile(c, W, 0.99, "all")).toBe(
      "histogram_quantile(0.99, sum by (job, le) (rate(prometheus_http_request_duration_seconds_bucket[1m])))",
    );
  });

  it("kube-apiserver: long-running verbs and streaming subresources left out of every query", () => {
    const c = preset("kube-apiserver");
    expect(conventionRequestRate(c, one("apiserver"), [], "failure")).toBe(
      'sum by (job) (rate(apiserver_request_total{subresource!~"proxy|attach|log|exec|portforward",verb!~"WATCH|CONNECT",job="apiserver",code=~"5.."}[1m]))',
    );
    expect(conventionLatencyQuantile(c, W, 0.5, "all")).toBe(
      'histogram_quantile(0.5, sum by (job, le) (rate(apiserver_request_duration_seconds_bucket{subresource!~"proxy|attach|log|exec|portforward",verb!~"WATCH|CONNECT"}[1m])))',
    );
  });

  it("coredns: responses by rcode, SERVFAIL as the error", () => {
    const c = preset("coredns");
    expect(conventionRequestRate(c, W, [], "failure")).toBe(
      'sum by (job) (rate(coredns_dns_responses_total{rcode=~"SERVFAIL"}[1m]))',
    );
    expect(conventionLatencyQuantile(c, W, 0.99, "all")).toBe(
      "histogram_quantile(0.99, sum by (job, le) (rate(coredns_dns_request_duration_seconds_bucket[1m])))",
    );
  });

  it("grpc-go: the server's own failure codes as errors", () => {
    const c = preset("grpc-go");
    expect(conventionRequestRate(c, one("checkout-grpc"), [], "failure")).toBe(
      'sum by (job) (rate(grpc_server_handled_total{job="checkout-grpc",grpc_code=~"Unknown|DeadlineExceeded|Unimplemented|Internal|Unavailable|DataLoss"}[1m]))',
    );
    expect(conventionLatencyQuantile(c, W, 0.99, "all")).toBe(
      "histogram_quantile(0.99, sum by (job, le) (rate(grpc_server_handling_seconds_bucket[1m])))",
    );
  });

  it("otel-rpc: numeric status codes, milliseconds, latency split by outcome", () => {
    const c = preset("otel-rpc");
    expect(conventionRequestRate(c, W, [], "failure")).toBe(
      'sum by (job) (rate(rpc_server_duration_milliseconds_count{rpc_grpc_status_code=~"2|4|12|13|14|15"}[1m]))',
    );
    expect(conventionLatencyQuantile(c, W, 0.99, "success")).toBe(
      'histogram_quantile(0.99, sum by (job, le) (rate(rpc_server_duration_milliseconds_bucket{rpc_grpc_status_code!~"2|4|12|13|14|15"}[1m]))) / 1000',
    );
  });

  it("envoy: the upstream cluster is the service, milliseconds", () => {
    const c = preset("envoy");
    expect(conventionRequestRate(c, W)).toBe("sum by (envoy_cluster_name) (rate(envoy_cluster_upstream_rq[1m]))");
    expect(conventionLatencyQuantile(c, W, 0.99, "all")).toBe(
      "histogram_quantile(0.99, sum by (envoy_cluster_name, le) (rate(envoy_cluster_upstream_rq_time_bucket[1m]))) / 1000",
    );
  });
});

describe("a histogram without a status label", () => {
  const c = preset("prometheus");

  it("refuses to split its latency by outcome rather than call every request a success", () => {
    expect(() => conventionLatencyQuantile(c, W, 0.99, "success")).toThrow(/no status label/);
    expect(() => conventionLatencyQuantile(c, W, 0.99, "failure")).toThrow(/no status label/);
  });

  it("is left out of the failed latency, and gives all requests' buckets as its headline", () => {
    expect(latencyQuantileByService([c], W, 0.99, "failure")).toBe("vector(0) == 1");
    expect(latencyBucketsByService([c], W, "headline")).toBe(
      'label_replace(label_replace(sum by (job, le) (rate(prometheus_http_request_duration_seconds_bucket[1m])), "service", "$1", "job", "(.*)"), "convention", "prometheus", "", "")',
    );
  });
});
