import { describe, expect, it } from "vitest";
import { conventionSchema } from "@/lib/config/schema";
import { discoveryHints, suggestRequestMetrics } from "./metric-suggestions";

describe("suggestRequestMetrics", () => {
  it("ranks request counters, then duration histograms, then request-like counters, and skips the rest", () => {
    const names = [
      "node_cpu_seconds_total",
      "node_disk_flush_requests_total", // a host's disk, not a service
      "node_network_receive_nohandler_total",
      "promhttp_metric_handler_errors_total",
      "app_response_bytes_total",
      "go_gc_duration_seconds_count", // a summary: no _bucket
      "go_gc_duration_seconds",
      "prometheus_http_request_duration_seconds_bucket",
      "prometheus_http_request_duration_seconds_count",
      "prometheus_http_request_duration_seconds_sum",
      "prometheus_tsdb_compaction_duration_seconds_bucket",
      "prometheus_tsdb_compaction_duration_seconds_count",
      "prometheus_http_response_size_bytes_bucket",
      "prometheus_http_response_size_bytes_count",
      "promhttp_metric_handler_requests_total",
      "prometheus_http_requests_total",
      "grpc_server_handled_total",
      "myapp_latency_ms_bucket", // a histogram without _count still counts, by its _bucket
      "signalboard:service:request_rate5m",
      "up",
    ];
    expect(suggestRequestMetrics(names)).toEqual([
      "prometheus_http_requests_total",
      "promhttp_metric_handler_requests_total",
      "prometheus_http_request_duration_seconds_count",
      "myapp_latency_ms_bucket",
      "prometheus_tsdb_compaction_duration_seconds_count",
      "grpc_server_handled_total",
    ]);
  });

  it("keeps at most the number asked for, best first", () => {
    const names = ["d_requests_total", "b_latency_seconds_count", "b_latency_seconds_bucket", "c_requests_total"];
    expect(suggestRequestMetrics(names, 2)).toEqual(["c_requests_total", "d_requests_total"]);
  });

  it("suggests nothing where nothing looks like requests", () => {
    expect(suggestRequestMetrics(["up", "node_load1", "node_cpu_seconds_total"])).toEqual([]);
  });
});

describe("discoveryHints", () => {
  it("names every convention's request metric and the upstream's likely ones", () => {
    const conventions = [
      conventionSchema.parse({
        name: "x",
        requests: "x_total",
        duration: "x_seconds",
        serviceLabel: "job",
        statusLabel: "code",
      }),
      conventionSchema.parse({
        name: "y",
        requests: "y_count",
        duration: "y",
        serviceLabel: "job",
        statusLabel: "code",
      }),
    ];
    expect(discoveryHints(conventions, ["up", "app_requests_total"])).toEqual({
      lookedFor: ["x_total", "y_count"],
      suggestions: ["app_requests_total"],
    });
  });
});
