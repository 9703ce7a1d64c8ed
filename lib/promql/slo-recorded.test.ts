import { describe, expect, it } from "vitest";
import { configSchema, type Convention } from "@/lib/config/schema";
import { PRESETS } from "@/lib/signals/conventions";
import { resolveSlos } from "@/lib/slo/resolve";
import {
  burnAlertExpr,
  recordedSloWindow,
  sloBoundaries,
  sloDefinition,
  sloRecordingGroups,
  sloRecordings,
  sloWindowRead,
} from "./slo-recorded";

const preset = (name: string): Convention => {
  const found = PRESETS.find((p) => p.name === name);
  if (!found) throw new Error(`no preset ${name}`);
  return found;
};
const promClient = preset("prom-client");
const istio = preset("istio");

const cfg = configSchema.parse({
  slos: {
    services: [
      { service: "checkout", availability: 0.999, latency: { objective: 0.99, thresholdSeconds: 0.3 } },
      { service: "reviews", namespace: "staging", period: "7d" },
    ],
  },
});
const slos = resolveSlos(
  cfg,
  [
    { id: { name: "checkout" }, convention: promClient },
    { id: { name: "cart" }, convention: promClient },
    { id: { name: "reviews", namespace: "staging" }, convention: istio },
  ],
  new Map([
    ["prom-client", ["0.1", "0.25", "0.5", "1", "+Inf"]],
    ["istio", ["100", "500", "1000.0", "+Inf"]],
  ]),
);

describe("sloRecordings", () => {
  it("records each convention's SLO boundaries in numeric order then +Inf, and its periods shortest first", () => {
    const r = sloRecordings(slos);
    expect([...r.keys()]).toEqual(["prom-client", "istio"]);
    expect(r.get("prom-client")).toMatchObject({ les: ["0.25", "0.5", "+Inf"], periods: ["30d"] });
    expect(r.get("istio")).toMatchObject({ les: ["500", "+Inf"], periods: ["7d"] });
    expect(sloBoundaries(r).get("istio")).toEqual(["500", "+Inf"]);
  });
});

describe("sloRecordingGroups", () => {
  const groups = sloRecordingGroups(sloRecordings(slos.filter((s) => s.convention === promClient)));

  it("writes the burn windows every minute and the period every 5 minutes, for each convention", () => {
    expect(groups.map((g) => [g.name, g.interval, g.rules.length])).toEqual([
      ["signalboard-slo-prom-client", 60, 7 * 3 + 1],
      ["signalboard-slo-prom-client-period", 300, 2],
    ]);
  });

  it("records each window from the raw rates, failures filled with 0, buckets at the boundaries only", () => {
    expect(groups[0]?.rules.slice(0, 3)).toEqual([
      {
        record: "signalboard_slo:requests:rate5m",
        expr: 'sum by (service) (label_replace(sum by (job) (rate(http_request_duration_seconds_count[5m])), "service", "$1", "job", "(.*)"))',
        labels: { convention: "prom-client", outcome: "all" },
      },
      {
        record: "signalboard_slo:requests:rate5m",
        expr: 'sum by (service) (label_replace(sum by (job) (rate(http_request_duration_seconds_count{status_code=~"5.."}[5m])), "service", "$1", "job", "(.*)")) or 0 * sum by (service) (label_replace(sum by (job) (rate(http_request_duration_seconds_count[5m])), "service", "$1", "job", "(.*)"))',
        labels: { convention: "prom-client", outcome: "failure" },
      },
      {
        record: "signalboard_slo:request_duration_bucket:rate5m",
        expr: 'sum by (service, le) (label_replace(sum by (job, le) (rate(http_request_duration_seconds_bucket{le=~"0\\\\.25|0\\\\.5|\\\\+Inf"}[5m])), "service", "$1", "job", "(.*)"))',
        labels: { convention: "prom-client" },
      },
    ]);
    expect(groups[0]?.rules.map((r) => r.record).filter((r, i, a) => a.indexOf(r) === i)).toEqual([
      ...["5m", "30m", "1h", "2h", "6h", "1d", "3d"].flatMap((w) => [
        `signalboard_slo:requests:rate${w}`,
        `signalboard_slo:request_duration_bucket:rate${w}`,
      ]),
      "signalboard_slo:rules:evaluation_timestamp_seconds",
    ]);
  });

  it("sums the period from the 1h rates, × 60 for their one-minute interval", () => {
    expect(groups[1]?.rules).toEqual([
      {
        record: "signalboard_slo:requests:increase30d",
        expr: 'sum_over_time(signalboard_slo:requests:rate1h{convention="prom-client"}[30d]) * 60',
        labels: { convention: "prom-client" },
      },
      {
        record: "signalboard_slo:request_duration_bucket:increase30d",
        expr: 'sum_over_time(signalboard_slo:request_duration_bucket:rate1h{convention="prom-client"}[30d]) * 60',
        labels: { convention: "prom-client" },
      },
    ]);
  });

  it("marks the evaluation with a definition that changes with the boundaries and the periods", () => {
    const marker = groups[0]?.rules.at(-1);
    const def = sloDefinition(promClient, { les: ["0.25", "0.5", "+Inf"], periods: ["30d"] });
    expect(marker).toEqual({
      record: "signalboard_slo:rules:evaluation_timestamp_seconds",
      expr: "vector(time())",
      labels: { convention: "prom-client", definition: def },
    });
    expect(def).toMatch(/^[0-9a-f]{12}$/);
    expect(sloDefinition(promClient, { les: ["0.5", "+Inf"], periods: ["30d"] })).not.toBe(def);
    expect(sloDefinition(promClient, { les: ["0.25", "0.5", "+Inf"], periods: ["7d", "30d"] })).not.toBe(def);
  });
});

describe("recordedSloWindow", () => {
  it("reads a burn window's recorded rates as conventionSloWindow's parts", () => {
    expect(recordedSloWindow(istio, 300, ["500", "+Inf"])).toBe(
      '(label_replace(sum by (service, namespace, convention) (signalboard_slo:requests:rate5m{convention="istio",outcome="all"}), "slo_part", "requests", "", "")) or ' +
        '(label_replace(sum by (service, namespace, convention) (signalboard_slo:requests:rate5m{convention="istio",outcome="failure"}), "slo_part", "failed", "", "")) or ' +
        '(label_replace(sum by (service, namespace, convention, le) (signalboard_slo:request_duration_bucket:rate5m{convention="istio",le=~"500|\\\\+Inf"}), "slo_part", "bucket", "", ""))',
    );
  });

  it("reads a period's recorded increase per second", () => {
    expect(recordedSloWindow(istio, 7 * 86_400)).toBe(
      '(label_replace(sum by (service, namespace, convention) (last_over_time(signalboard_slo:requests:increase7d{convention="istio",outcome="all"}[10m])) / 604800, "slo_part", "requests", "", "")) or ' +
        '(label_replace(sum by (service, namespace, convention) (last_over_time(signalboard_slo:requests:increase7d{convention="istio",outcome="failure"}[10m])) / 604800, "slo_part", "failed", "", ""))',
    );
  });

  it("refuses a window no rule records", () => {
    expect(() => recordedSloWindow(istio, 600)).toThrow("no SLO rule records a 600 s window");
  });

  it("joins recorded and raw conventions into one query", () => {
    const q = sloWindowRead([promClient, istio], 300, new Map(), new Set(["istio"]));
    expect(q).toContain('signalboard_slo:requests:rate5m{convention="istio",outcome="all"}');
    expect(q).toContain("rate(http_request_duration_seconds_count[5m])");
    expect(q).not.toContain('{convention="prom-client"');
  });
});

describe("burnAlertExpr", () => {
  it("compares failed ÷ all over both windows with the threshold", () => {
    const checkout = slos.find((s) => s.id.name === "checkout" && s.kind === "availability");
    expect(checkout && burnAlertExpr(checkout, 3600, 300, "0.0144")).toBe(
      'signalboard_slo:requests:rate1h{convention="prom-client",namespace="",service="checkout",outcome="failure"} / ignoring (outcome) signalboard_slo:requests:rate1h{convention="prom-client",namespace="",service="checkout",outcome="all"} > 0.0144 and ' +
        'signalboard_slo:requests:rate5m{convention="prom-client",namespace="",service="checkout",outcome="failure"} / ignoring (outcome) signalboard_slo:requests:rate5m{convention="prom-client",namespace="",service="checkout",outcome="all"} > 0.0144',
    );
  });

  it("reads a latency SLO's bad requests as the +Inf bucket less its boundary's", () => {
    const reviews = slos.find((s) => s.id.name === "reviews" && s.kind === "latency");
    expect(reviews && burnAlertExpr(reviews, 3600, 300, "0.0336")).toBe(
      '(signalboard_slo:request_duration_bucket:rate1h{convention="istio",namespace="staging",service="reviews",le="+Inf"} - ignoring (le) signalboard_slo:request_duration_bucket:rate1h{convention="istio",namespace="staging",service="reviews",le="500"}) / ignoring (le) signalboard_slo:request_duration_bucket:rate1h{convention="istio",namespace="staging",service="reviews",le="+Inf"} > 0.0336 and ' +
        '(signalboard_slo:request_duration_bucket:rate5m{convention="istio",namespace="staging",service="reviews",le="+Inf"} - ignoring (le) signalboard_slo:request_duration_bucket:rate5m{convention="istio",namespace="staging",service="reviews",le="500"}) / ignoring (le) signalboard_slo:request_duration_bucket:rate5m{convention="istio",namespace="staging",service="reviews",le="+Inf"} > 0.0336',
    );
  });
});
