// The reader against a real Prometheus that evaluates signalboard's generated rules, loaded through
// /-/reload after some raw history (tests/integration/reader-prometheus.ts, started by the global
// setup; this file runs last): answers read the recorded series where the rules cover them (equal to
// Prometheus's own evaluation of the recorded PromQL), raw series before, and say which.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  Points,
  ServiceDetailResponse,
  ServiceSparklinesResponse,
  ServicesResponse,
  StatusResponse,
} from "@/lib/model/types";
import { RULES_EVALUATED } from "@/lib/promql/recorded";
import { allConventions } from "@/lib/signals/conventions";
import { scratchDir, startExtraDashboard, type ExtraDashboard } from "./extra";
import { api, promQuery, stack, waitFor } from "./helpers";
import { READER_SCRAPE_SECONDS as SCRAPE, readerConfig as cfg } from "./reader-prometheus";
import { EXTRA_PORTS } from "./stack-info";

const REQ = "signalboard_service:requests:rate1m";
const BUCKETS = "signalboard_service:request_duration_bucket:rate1m";
const MILLISECONDS = new Set(
  allConventions(cfg)
    .filter((c) => c.durationUnit === "milliseconds")
    .map((c) => c.name),
);

type Row = { metric: Record<string, string>; value: [number, string] };
const idOf = (l: Record<string, string>) => `${l.service ?? ""}|${l.namespace ?? ""}|${l.convention ?? ""}`;
const byId = (rows: Row[]) => new Map(rows.map((r) => [idOf(r.metric), Number(r.value[1])]));

function expectSame(ours: number | null | undefined, reference: number | undefined, what: string) {
  if (reference === undefined || !Number.isFinite(reference)) expect(ours ?? null, what).toBeNull();
  else expect(ours, what).toBeCloseTo(reference, 6);
}

/** A range query straight to Prometheus: the reference for a range answer. */
async function promRange(url: string, query: string, start: number, end: number, step: number): Promise<Points> {
  const body = new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) });
  const res = await fetch(`${url}/api/v1/query_range`, { method: "POST", body });
  const json = (await res.json()) as { status: string; data: { result: { values: [number, string][] }[] } };
  if (json.status !== "success") throw new Error(`query_range failed: ${query}`);
  if (json.data.result.length > 1) throw new Error(`expected one series: ${query}`);
  return (json.data.result[0]?.values ?? []).map(([t, v]) => [t, Number(v)]);
}

function expectSamePoints(ours: Points, reference: Points, what: string) {
  expect(
    ours.map(([t]) => t),
    what,
  ).toEqual(reference.map(([t]) => t));
  ours.forEach(([t, v], i) => expectSame(v, reference[i]?.[1] ?? undefined, `${what} at ${t}`));
}

describe("recorded signals against a Prometheus evaluating the generated rules", () => {
  let prom: { url: string };
  let dash: ExtraDashboard;
  let rawDash: ExtraDashboard;
  let rulesSince = 0;
  let overview: ServicesResponse;
  /** The end of the range questions: long enough after the rules' start for a whole averaged window and more. */
  let rangeTo = 0;
  const get = async <T>(base: string, path: string) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    prom = { url: stack().readerPrometheusUrl };
    const config = "recordedSignals:\n  read: false\n";
    [dash, rawDash] = await Promise.all([
      startExtraDashboard({
        dir: scratchDir("recorded-reader/dashboard"),
        port: EXTRA_PORTS.dashboards[0] ?? 0,
        prometheusUrl: prom.url,
        scrapeIntervalSeconds: SCRAPE,
      }),
      startExtraDashboard({
        dir: scratchDir("recorded-reader/raw-dashboard"),
        port: EXTRA_PORTS.dashboards[1] ?? 0,
        prometheusUrl: prom.url,
        scrapeIntervalSeconds: SCRAPE,
        config,
      }),
    ]);
    // The rules' first evaluation: the setup loads them about 100 s after it started this Prometheus.
    const since = await waitFor(
      "the rules' first evaluation",
      async () => {
        const rows = await promQuery(
          `min_over_time(${RULES_EVALUATED}{convention="prom-client"}[1h])`,
          Date.now() / 1000,
          prom.url,
        );
        return rows[0] ? Number(rows[0].value[1]) : undefined;
      },
      240_000,
    );
    rulesSince = Math.floor(since);
    // The reader learns since when about once a minute.
    overview = await waitFor(
      "the overview read from recorded series",
      async () => {
        const at = Math.floor(Date.now() / 1000) - 1;
        const body = await get<ServicesResponse>(dash.url, `/api/v1/services?at=${at}`);
        return body.source === "recorded" && body.services.length > 0 ? body : undefined;
      },
      150_000,
    );
    // The ranges end at the same time after the rules' start whenever this file runs, so their steps
    // (and windows) are the ones the tests expect.
    const wait = (rulesSince + 216) * 1000 - Date.now();
    await new Promise((r) => setTimeout(r, Math.max(0, wait)));
    rangeTo = rulesSince + 215;
  }, 480_000);

  afterAll(async () => {
    await Promise.all([dash?.stop(), rawDash?.stop()]);
  });

  it("answers the overview from recorded series, equal to Prometheus's evaluation of them at the same instant", async () => {
    const at = overview.at;
    expect(overview.at).toBeGreaterThan(rulesSince);
    const all = byId(await promQuery(`sum by (service, namespace, convention) (${REQ})`, at, prom.url));
    const failed = byId(
      await promQuery(`sum by (service, namespace, convention) (${REQ}{outcome="failure"})`, at, prom.url),
    );
    const p99 = byId(
      await promQuery(
        `histogram_quantile(0.99, sum by (service, namespace, convention, le) (${BUCKETS}))`,
        at,
        prom.url,
      ),
    );
    const checked = new Set<string>();
    for (const s of overview.services) {
      const id = idOf({ service: s.name, namespace: s.namespace ?? "", convention: s.convention });
      expectSame(s.requestRate, all.get(id), `${id} rate`);
      const rate = all.get(id);
      if (rate && rate > 0) expectSame(s.errorRatio, (failed.get(id) ?? 0) / rate, `${id} error ratio`);
      const q = p99.get(id);
      const seconds = q !== undefined && MILLISECONDS.has(s.convention) ? q / 1000 : q;
      expectSame(s.latency.p99, seconds, `${id} p99`);
      if (s.requestRate) checked.add(s.convention);
    }
    // The demo's prom-client fleet and its OpenTelemetry services, at least.
    expect([...checked]).toEqual(expect.arrayContaining(["prom-client", "otel-http", "otel-http-legacy"]));
  });

  it("answers a service's range that starts before the rules raw before and recorded after, without a hole", async () => {
    const at = rangeTo;
    const from = rulesSince - 60;
    const body = await get<ServiceDetailResponse>(
      dash.url,
      `/api/v1/services/checkout?from=${from}&to=${at}&width=300`,
    );
    expect(body.step).toBe(SCRAPE);
    expect(body.seriesWindow).toBe(60);
    expect(body.source).toBe("mixed");
    const split = body.recordedFrom ?? 0;
    expect(split).toBeGreaterThan(from);
    expect(split % SCRAPE).toBe(0);
    const start = Math.floor(from / SCRAPE) * SCRAPE;
    const end = Math.floor(at / SCRAPE) * SCRAPE;
    const rawRate = 'sum by (job) (rate(http_request_duration_seconds_count{job="checkout"}[1m]))';
    const recRate = `sum by (service, namespace, convention) (${REQ}{convention="prom-client",service="checkout",namespace=""})`;
    const rawP99 =
      'histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket{job="checkout"}[1m])))';
    const recP99 = `histogram_quantile(0.99, sum by (service, namespace, convention, le) (${BUCKETS}{convention="prom-client",service="checkout",namespace=""}))`;
    const [rawBefore, recAfter, rawP99Before, recP99After] = await Promise.all([
      promRange(prom.url, rawRate, start, split - SCRAPE, SCRAPE),
      promRange(prom.url, recRate, split, end, SCRAPE),
      promRange(prom.url, rawP99, start, split - SCRAPE, SCRAPE),
      promRange(prom.url, recP99, split, end, SCRAPE),
    ]);
    expect(rawBefore.length).toBeGreaterThan(1);
    expect(recAfter.length).toBeGreaterThan(1);
    expectSamePoints(body.series.requestRate, [...rawBefore, ...recAfter], "request rate");
    expectSamePoints(body.series.latency.p99, [...rawP99Before, ...recP99After], "p99");
  });

  it("answers the sparklines over a longer window from the recorded rates averaged over the rules' evaluations, after a whole window of them", async () => {
    const at = rangeTo;
    const from = rulesSince - 120;
    const body = await get<ServiceSparklinesResponse>(
      dash.url,
      `/api/v1/services?series=only&from=${from}&to=${at}&width=20`,
    );
    expect(body.axis.step).toBe(60);
    expect(body.seriesWindow).toBe(75);
    expect(body.source).toBe("mixed");
    const split = body.recordedFrom ?? 0;
    const since = (
      await promQuery(
        `min_over_time(signalboard_convention:rules:evaluation_timestamp_seconds{convention="prom-client"}[1h])`,
        at,
        prom.url,
      )
    )[0]?.value[1];
    expect(split).toBeGreaterThanOrEqual(Number(since) + 75);
    const { start, step } = body.axis;
    const end = start + (body.axis.points - 1) * step;
    const [before, after] = await Promise.all([
      promRange(
        prom.url,
        'sum by (job) (rate(http_request_duration_seconds_count{job="checkout"}[75s]))',
        start,
        split - step,
        step,
      ),
      promRange(
        prom.url,
        `sum by (service, namespace, convention) (sum_over_time(${REQ}{convention="prom-client",service="checkout",namespace=""}[75s])) / scalar(count_over_time(${RULES_EVALUATED}{convention="prom-client"}[75s]))`,
        split,
        end,
        step,
      ),
    ]);
    const ours = body.services.find((s) => s.name === "checkout")?.series.requestRate ?? [];
    // Sparklines keep four significant digits.
    const expected = new Array<number | null>(body.axis.points).fill(null);
    for (const [t, v] of [...before, ...after])
      expected[(t - start) / step] = v === null ? null : Number(v.toPrecision(4));
    expect(ours).toEqual(expected);
  });

  it("reads raw series only where recordedSignals.read is false", async () => {
    const at = overview.at;
    const body = await get<ServicesResponse>(rawDash.url, `/api/v1/services?at=${at}`);
    expect(body.source).toBe("raw");
    const detail = await get<ServiceDetailResponse>(
      rawDash.url,
      `/api/v1/services/checkout?from=${rulesSince - 60}&to=${at}`,
    );
    expect(detail.source).toBe("raw");
    expect(detail).not.toHaveProperty("recordedFrom");
  });

  it("shows on /api/v1/status that the rules are installed, since when and when last evaluated", async () => {
    const body = await get<StatusResponse>(dash.url, "/api/v1/status");
    const promClient = body.conventions.find((c) => c.name === "prom-client");
    expect(promClient?.rules.state).toBe("installed");
    expect(promClient?.rules.since).toBeGreaterThanOrEqual(rulesSince);
    expect(promClient?.rules.lastEvaluation).toBeGreaterThanOrEqual(promClient?.rules.since ?? Infinity);
  });
});

describe("the shared stack, which has no recording rules", () => {
  it("answers from raw series and says the rules are absent", async () => {
    const { body } = await api<ServicesResponse>("/api/v1/services");
    expect(body.source).toBe("raw");
    const status = await api<StatusResponse>("/api/v1/status");
    expect(status.body.conventions.map((c) => c.rules.state)).toEqual(status.body.conventions.map(() => "absent"));
  });
});
