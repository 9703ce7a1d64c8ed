import { describe, expect, it } from "vitest";
import { conventionSchema, type Convention } from "@/lib/config/schema";
import { PRESETS } from "@/lib/signals/conventions";
import {
  failedRequestRateRead,
  latencyBucketsRead,
  latencyQuantileRead,
  latencyQuantilesRead,
  recordedErrorRatio,
  recordedLatencyQuantiles,
  recordedRequestRate,
  requestRateRead,
  rulesRuns,
} from "./recorded-read";
import { requestRateByService } from "./red";

function preset(name: string): Convention {
  const c = PRESETS.find((p) => p.name === name);
  if (!c) throw new Error(`no preset ${name}`);
  return c;
}

const promClient = preset("prom-client");
const prometheus = preset("prometheus");
const istio = preset("istio");
const millis = conventionSchema.parse({
  name: "shop",
  requests: "shop_requests_total",
  duration: "shop_latency_ms",
  durationUnit: "milliseconds",
  serviceLabel: "app",
  statusLabel: "status",
});

const REQ = "signalboard_service:requests:rate1m";
const BUCKETS = "signalboard_service:request_duration_bucket:rate1m";
const MARKER = "signalboard_convention:rules:evaluation_timestamp_seconds";
const all = (...names: string[]) => ({ conventions: new Set(names), ruleWindow: 60 });

describe("one convention's recorded series", () => {
  it("reads the request rate at the rule's window as it is, by service, namespace and convention", () => {
    expect(recordedRequestRate(promClient, { window: 60 }, 60)).toBe(
      `sum by (service, namespace, convention) (${REQ}{convention="prom-client"})`,
    );
    expect(recordedRequestRate(promClient, { window: 60 }, 60, "failure")).toBe(
      `sum by (service, namespace, convention) (${REQ}{convention="prom-client",outcome="failure"})`,
    );
  });

  it("averages the recorded rates over a longer window by the evaluations in it, not by each series' samples", () => {
    expect(recordedRequestRate(promClient, { window: 300 }, 60)).toBe(
      `sum by (service, namespace, convention) (sum_over_time(${REQ}{convention="prom-client"}[5m]) / scalar(max(count_over_time(${MARKER}{convention="prom-client"}[5m]))))`,
    );
  });

  it("refuses a window shorter than the rule's", () => {
    expect(() => recordedRequestRate(promClient, { window: 30 }, 60)).toThrow(/30 s window/);
  });

  it('narrows to one service, with namespace="" where there is none, its value escaped', () => {
    expect(recordedRequestRate(promClient, { window: 60, service: { name: 'a"b' } }, 60)).toBe(
      `sum by (service, namespace, convention) (${REQ}{convention="prom-client",service="a\\"b",namespace=""})`,
    );
    expect(recordedRequestRate(istio, { window: 60, service: { name: "reviews", namespace: "shop" } }, 60)).toBe(
      `sum by (service, namespace, convention) (${REQ}{convention="istio",service="reviews",namespace="shop"})`,
    );
  });

  it("gives the error ratio conventionErrorRatio's form", () => {
    const a = `sum by (service, namespace, convention) (${REQ}{convention="prom-client"})`;
    const f = `sum by (service, namespace, convention) (${REQ}{convention="prom-client",outcome="failure"})`;
    expect(recordedErrorRatio(promClient, { window: 60 }, 60)).toBe(`(${f} or 0 * ${a}) / ${a}`);
  });

  it("computes quantiles from the recorded buckets, in seconds, tagged; 'all' sums both outcomes", () => {
    const b = (outcome: string) =>
      `sum by (service, namespace, convention, le) (${BUCKETS}{convention="shop"${outcome}})`;
    const q = (n: string, outcome: string) =>
      `label_replace(histogram_quantile(${n}, ${b(outcome)}) / 1000, "quantile", "${n}", "", "")`;
    expect(recordedLatencyQuantiles(millis, { window: 60 }, 60, "all")).toBe(
      `${q("0.5", "")} or ${q("0.9", "")} or ${q("0.99", "")}`,
    );
    expect(recordedLatencyQuantiles(millis, { window: 60 }, 60, "success")).toBe(
      `${q("0.5", ',outcome="success"')} or ${q("0.9", ',outcome="success"')} or ${q("0.99", ',outcome="success"')}`,
    );
  });
});

describe("several conventions in one query", () => {
  it("is the raw query where nothing is recorded", () => {
    expect(requestRateRead([promClient, istio], { window: 60 }, all())).toBe(
      requestRateByService([promClient, istio], { window: 60 }),
    );
  });

  it("is the recorded parts alone where all are recorded", () => {
    expect(requestRateRead([promClient, istio], { window: 60 }, all("prom-client", "istio"))).toBe(
      `(sum by (service, namespace, convention) (${REQ}{convention="prom-client"}))` +
        ` or (sum by (service, namespace, convention) (${REQ}{convention="istio"}))`,
    );
  });

  it("is the recorded part or the raw part where some are", () => {
    expect(failedRequestRateRead([promClient, prometheus], { window: 60 }, all("prometheus"))).toBe(
      `(sum by (service, namespace, convention) (${REQ}{convention="prometheus",outcome="failure"}))` +
        ` or (label_replace(label_replace(sum by (job) (rate(http_request_duration_seconds_count{status_code=~"5.."}[1m])), "service", "$1", "job", "(.*)"), "convention", "prom-client", "", ""))`,
    );
  });

  it("reads the headline buckets of successful requests, or of all where the histogram cannot tell", () => {
    expect(
      latencyBucketsRead([promClient, prometheus], { window: 60 }, "headline", all("prom-client", "prometheus")),
    ).toBe(
      `(sum by (service, namespace, convention, le) (${BUCKETS}{convention="prom-client",outcome="success"}))` +
        ` or (sum by (service, namespace, convention, le) (${BUCKETS}{convention="prometheus"}))`,
    );
  });

  it("leaves a convention that cannot split latency out of the failure buckets and quantile, recorded or not", () => {
    expect(
      latencyBucketsRead([promClient, prometheus], { window: 60 }, "failure", all("prom-client", "prometheus")),
    ).toBe(`sum by (service, namespace, convention, le) (${BUCKETS}{convention="prom-client",outcome="failure"})`);
    expect(latencyQuantileRead([prometheus], { window: 60 }, 0.99, "failure", all("prometheus"))).toBe(
      "vector(0) == 1",
    );
  });

  it("reads quantiles over a longer window from averaged buckets", () => {
    expect(latencyQuantilesRead([prometheus], { window: 120 }, "headline", all("prometheus"))).toBe(
      ["0.5", "0.9", "0.99"]
        .map(
          (n) =>
            `label_replace(histogram_quantile(${n}, sum by (service, namespace, convention, le) (sum_over_time(${BUCKETS}{convention="prometheus"}[2m]) / scalar(max(count_over_time(${MARKER}{convention="prometheus"}[2m]))))), "quantile", "${n}", "", "")`,
        )
        .join(" or "),
    );
  });
});

describe("the rules' evaluation marker", () => {
  it("asks since when and when last in one question, naming no service", () => {
    expect(rulesRuns(31 * 86_400, 3600)).toBe(
      'label_replace(min_over_time(signalboard_convention:rules:evaluation_timestamp_seconds[31d]), "bound", "since", "", "")' +
        ' or label_replace(last_over_time(signalboard_convention:rules:evaluation_timestamp_seconds[1h]), "bound", "last", "", "")',
    );
  });
});
