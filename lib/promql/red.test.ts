import { describe, expect, it } from "vitest";
import { PRESETS } from "@/lib/signals/conventions";
import type { Convention } from "@/lib/config/schema";
import {
  conventionErrorRatio,
  conventionLatencyQuantile,
  conventionLatencyQuantiles,
  conventionRequestRate,
  errorRatioByService,
  failedRequestRateByService,
  latencyBucketsByService,
  latencyQuantileByService,
  latencyQuantilesByService,
  requestRateBy,
  requestRateByService,
  servicesSeen,
} from "./red";
import { PromQLNameError } from "./escape";

function preset(name: string): Convention {
  const c = PRESETS.find((p) => p.name === name);
  if (!c) throw new Error(`no preset ${name}`);
  return c;
}

const promClient = PRESETS[0] as Convention;
const istio = preset("istio");
const otel = preset("otel-http");
const spring = preset("spring-micrometer");

describe("one prom-client convention", () => {
  it("is the preset the tests assume", () => {
    expect(promClient.name).toBe("prom-client");
  });

  it("requestRateByService is docs/definitions.md's sum by (job) (rate(R[W])), normalised", () => {
    expect(conventionRequestRate(promClient, { window: 20 })).toBe(
      "sum by (job) (rate(http_request_duration_seconds_count[20s]))",
    );
    expect(requestRateByService([promClient], { window: 20 })).toBe(
      'label_replace(label_replace(sum by (job) (rate(http_request_duration_seconds_count[20s])), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", "")',
    );
  });

  it("conventionErrorRatio fills 0 where there are requests but no errors", () => {
    expect(conventionErrorRatio(promClient, { window: 60 })).toBe(
      '(sum by (job) (rate(http_request_duration_seconds_count{status_code=~"5.."}[1m])) or 0 * sum by (job) (rate(http_request_duration_seconds_count[1m]))) / sum by (job) (rate(http_request_duration_seconds_count[1m]))',
    );
  });

  it("errorRatioByService normalises the ratio", () => {
    expect(errorRatioByService([promClient], { window: 60 })).toBe(
      'label_replace(label_replace((sum by (job) (rate(http_request_duration_seconds_count{status_code=~"5.."}[1m])) or 0 * sum by (job) (rate(http_request_duration_seconds_count[1m]))) / sum by (job) (rate(http_request_duration_seconds_count[1m])), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", "")',
    );
  });

  it("conventionLatencyQuantile sums buckets by service and le, per outcome", () => {
    expect(conventionLatencyQuantile(promClient, { window: 60 }, 0.99, "all")).toBe(
      "histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket[1m])))",
    );
    expect(conventionLatencyQuantile(promClient, { window: 60 }, 0.5, "success")).toBe(
      'histogram_quantile(0.5, sum by (job, le) (rate(http_request_duration_seconds_bucket{status_code!~"5.."}[1m])))',
    );
    expect(conventionLatencyQuantile(promClient, { window: 60 }, 0.9, "failure")).toBe(
      'histogram_quantile(0.9, sum by (job, le) (rate(http_request_duration_seconds_bucket{status_code=~"5.."}[1m])))',
    );
  });

  it("conventionLatencyQuantiles tags p50/p90/p99 with a quantile label in one expression", () => {
    expect(conventionLatencyQuantiles(promClient, { window: 60 }, "all")).toBe(
      'label_replace(histogram_quantile(0.5, sum by (job, le) (rate(http_request_duration_seconds_bucket[1m]))), "quantile", "0.5", "", "")' +
        ' or label_replace(histogram_quantile(0.9, sum by (job, le) (rate(http_request_duration_seconds_bucket[1m]))), "quantile", "0.9", "", "")' +
        ' or label_replace(histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket[1m]))), "quantile", "0.99", "", "")',
    );
  });

  it("latencyQuantilesByService wraps the three quantiles in the normalising calls", () => {
    expect(latencyQuantilesByService([promClient], { window: 60 }, "failure")).toBe(
      "label_replace(label_replace(" +
        'label_replace(histogram_quantile(0.5, sum by (job, le) (rate(http_request_duration_seconds_bucket{status_code=~"5.."}[1m]))), "quantile", "0.5", "", "")' +
        ' or label_replace(histogram_quantile(0.9, sum by (job, le) (rate(http_request_duration_seconds_bucket{status_code=~"5.."}[1m]))), "quantile", "0.9", "", "")' +
        ' or label_replace(histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket{status_code=~"5.."}[1m]))), "quantile", "0.99", "", "")' +
        ', "service", "$1", "job", "(.*)"), "convention", "prom-client", "", "")',
    );
  });

  it("failedRequestRateByService is docs/definitions.md's numerator of the error ratio, normalised", () => {
    expect(failedRequestRateByService([promClient], { window: 60 })).toBe(
      'label_replace(label_replace(sum by (job) (rate(http_request_duration_seconds_count{status_code=~"5.."}[1m])), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", "")',
    );
  });

  it("latencyBucketsByService is the inner sum by (service, le) of docs/definitions.md's quantile, per outcome", () => {
    expect(latencyBucketsByService([promClient], { window: 60 }, "success")).toBe(
      'label_replace(label_replace(sum by (job, le) (rate(http_request_duration_seconds_bucket{status_code!~"5.."}[1m])), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", "")',
    );
    expect(latencyBucketsByService([promClient], { window: 60 }, "failure")).toContain('{status_code=~"5.."}');
  });

  it("latencyQuantileByService asks for one quantile, tagged like the three-quantile query", () => {
    expect(latencyQuantileByService([promClient], { window: 60 }, 0.99, "failure")).toBe(
      'label_replace(label_replace(label_replace(histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket{status_code=~"5.."}[1m]))), "quantile", "0.99", "", ""), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", "")',
    );
  });

  it("servicesSeen lists every service with requests in the lookback, even with no rate now", () => {
    expect(servicesSeen([promClient], 3600)).toBe(
      'label_replace(label_replace(group by (job) (last_over_time(http_request_duration_seconds_count[1h])), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", "")',
    );
  });

  it("requestRateBy splits one service by a label", () => {
    expect(requestRateBy(promClient, { window: 60, service: { name: "checkout" } }, "route")).toBe(
      'sum by (route) (rate(http_request_duration_seconds_count{job="checkout"}[1m]))',
    );
    expect(requestRateBy(promClient, { window: 75, service: { name: "checkout" } }, "status_code")).toBe(
      'sum by (status_code) (rate(http_request_duration_seconds_count{job="checkout"}[75s]))',
    );
  });

  it("refuses a breakdown label that is not a label name", () => {
    expect(() =>
      requestRateBy(promClient, { window: 60, service: { name: "checkout" } }, "route) or vector(1"),
    ).toThrow(PromQLNameError);
    expect(() =>
      requestRateBy(promClient, { window: 60, service: { name: "checkout" } }, "route) or vector(1"),
    ).toThrow('invalid label name: "route) or vector(1"');
  });
});

describe("a milliseconds convention with matchers (Istio)", () => {
  it('carries reporter="destination" and groups by service and namespace', () => {
    expect(conventionRequestRate(istio, { window: 60 })).toBe(
      'sum by (destination_service_name, destination_service_namespace) (rate(istio_requests_total{reporter="destination"}[1m]))',
    );
  });

  it("divides latency by 1000 to report seconds", () => {
    expect(conventionLatencyQuantile(istio, { window: 60 }, 0.99, "failure")).toBe(
      'histogram_quantile(0.99, sum by (destination_service_name, destination_service_namespace, le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",response_code=~"5.."}[1m]))) / 1000',
    );
  });

  it("normalises both service and namespace labels", () => {
    expect(requestRateByService([istio], { window: 60 })).toBe(
      'label_replace(label_replace(label_replace(sum by (destination_service_name, destination_service_namespace) (rate(istio_requests_total{reporter="destination"}[1m])), "service", "$1", "destination_service_name", "(.*)"), "namespace", "$1", "destination_service_namespace", "(.*)"), "convention", "istio", "", "")',
    );
  });

  it("puts the service filter after the convention's matchers, with the service's namespace", () => {
    expect(conventionRequestRate(istio, { window: 60, service: { name: "reviews", namespace: "staging" } })).toBe(
      'sum by (destination_service_name, destination_service_namespace) (rate(istio_requests_total{reporter="destination",destination_service_name="reviews",destination_service_namespace="staging"}[1m]))',
    );
    expect(
      requestRateBy(istio, { window: 60, service: { name: "reviews", namespace: "bookinfo" } }, "destination_workload"),
    ).toBe(
      'sum by (destination_workload) (rate(istio_requests_total{reporter="destination",destination_service_name="reviews",destination_service_namespace="bookinfo"}[1m]))',
    );
  });

  it("keeps same-named services of every namespace out of a service that has none", () => {
    expect(conventionErrorRatio(istio, { window: 60, service: { name: "reviews" } })).toBe(
      '(sum by (destination_service_name, destination_service_namespace) (rate(istio_requests_total{reporter="destination",destination_service_name="reviews",destination_service_namespace="",response_code=~"5.."}[1m]))' +
        ' or 0 * sum by (destination_service_name, destination_service_namespace) (rate(istio_requests_total{reporter="destination",destination_service_name="reviews",destination_service_namespace=""}[1m])))' +
        ' / sum by (destination_service_name, destination_service_namespace) (rate(istio_requests_total{reporter="destination",destination_service_name="reviews",destination_service_namespace=""}[1m]))',
    );
  });

  it("escapes the namespace like the name", () => {
    expect(
      conventionLatencyQuantile(istio, { window: 60, service: { name: "r", namespace: 'a"}\n' } }, 0.5, "success"),
    ).toBe(
      'histogram_quantile(0.5, sum by (destination_service_name, destination_service_namespace, le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_service_name="r",destination_service_namespace="a\\"}\\n",response_code!~"5.."}[1m]))) / 1000',
    );
  });

  it("refuses a namespace for a convention that has no namespace label", () => {
    expect(() =>
      conventionRequestRate(promClient, { window: 60, service: { name: "checkout", namespace: "shop" } }),
    ).toThrow(/prom-client has no namespace label/);
  });
});

describe("a service filter containing a quote", () => {
  it("is escaped and cannot close the string", () => {
    expect(conventionRequestRate(promClient, { window: 60, service: { name: 'a"} or vector(1) #' } })).toBe(
      'sum by (job) (rate(http_request_duration_seconds_count{job="a\\"} or vector(1) #"}[1m]))',
    );
    expect(conventionLatencyQuantile(promClient, { window: 60, service: { name: 'x\\"y' } }, 0.5, "all")).toBe(
      'histogram_quantile(0.5, sum by (job, le) (rate(http_request_duration_seconds_bucket{job="x\\\\\\"y"}[1m])))',
    );
  });
});

describe("several conventions", () => {
  const three = [promClient, otel, spring];

  it("give ONE expression: the per-convention expressions joined by or", () => {
    const q = requestRateByService(three, { window: 60 });
    expect(q).toBe(
      '(label_replace(label_replace(sum by (job) (rate(http_request_duration_seconds_count[1m])), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", ""))' +
        ' or (label_replace(label_replace(sum by (job) (rate(http_server_request_duration_count[1m])), "service", "$1", "job", "(.*)"), "convention", "otel-http", "", ""))' +
        ' or (label_replace(label_replace(sum by (job) (rate(http_server_requests_seconds_count[1m])), "service", "$1", "job", "(.*)"), "convention", "spring-micrometer", "", ""))',
    );
    expect(q.split(" or ")).toHaveLength(3);
  });

  it("join the error ratio and latency the same way", () => {
    expect(errorRatioByService(three, { window: 60 })).toBe(
      '(label_replace(label_replace((sum by (job) (rate(http_request_duration_seconds_count{status_code=~"5.."}[1m])) or 0 * sum by (job) (rate(http_request_duration_seconds_count[1m]))) / sum by (job) (rate(http_request_duration_seconds_count[1m])), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", ""))' +
        ' or (label_replace(label_replace((sum by (job) (rate(http_server_request_duration_count{http_response_status_code=~"5.."}[1m])) or 0 * sum by (job) (rate(http_server_request_duration_count[1m]))) / sum by (job) (rate(http_server_request_duration_count[1m])), "service", "$1", "job", "(.*)"), "convention", "otel-http", "", ""))' +
        ' or (label_replace(label_replace((sum by (job) (rate(http_server_requests_seconds_count{status=~"5.."}[1m])) or 0 * sum by (job) (rate(http_server_requests_seconds_count[1m]))) / sum by (job) (rate(http_server_requests_seconds_count[1m])), "service", "$1", "job", "(.*)"), "convention", "spring-micrometer", "", ""))',
    );
    // Istio's milliseconds are divided by 1000 in each of the three quantiles, before the tagging.
    expect(latencyQuantilesByService([promClient, istio], { window: 60 }, "all")).toBe(
      '(label_replace(label_replace(label_replace(histogram_quantile(0.5, sum by (job, le) (rate(http_request_duration_seconds_bucket[1m]))), "quantile", "0.5", "", "")' +
        ' or label_replace(histogram_quantile(0.9, sum by (job, le) (rate(http_request_duration_seconds_bucket[1m]))), "quantile", "0.9", "", "")' +
        ' or label_replace(histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket[1m]))), "quantile", "0.99", "", ""), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", ""))' +
        " or (label_replace(label_replace(label_replace(" +
        'label_replace(histogram_quantile(0.5, sum by (destination_service_name, destination_service_namespace, le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[1m]))) / 1000, "quantile", "0.5", "", "")' +
        ' or label_replace(histogram_quantile(0.9, sum by (destination_service_name, destination_service_namespace, le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[1m]))) / 1000, "quantile", "0.9", "", "")' +
        ' or label_replace(histogram_quantile(0.99, sum by (destination_service_name, destination_service_namespace, le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[1m]))) / 1000, "quantile", "0.99", "", "")' +
        ', "service", "$1", "destination_service_name", "(.*)"), "namespace", "$1", "destination_service_namespace", "(.*)"), "convention", "istio", "", ""))',
    );
  });

  it("give a query with no result when none is in use", () => {
    expect(requestRateByService([], { window: 60 })).toBe("vector(0) == 1");
  });
});
