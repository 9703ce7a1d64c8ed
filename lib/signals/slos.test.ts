import { describe, expect, it } from "vitest";
import { resolveQueryTimes } from "@/lib/api/query-times";
import { configSchema } from "@/lib/config/schema";
import type { Slo } from "@/lib/model/slo-types";
import type { InstantSeries, Upstream } from "@/lib/prometheus/upstream";
import { slosAnswer } from "./slos";

// Prometheus's answers, as the SLO window queries label them: checkout, search, fast and idle
// (prom-client, by job) and reviews in bookinfo (Istio, with no histogram buckets upstream).
const SEEN: Record<string, string>[] = [
  { service: "checkout", job: "checkout", convention: "prom-client" },
  { service: "search", job: "search", convention: "prom-client" },
  { service: "fast", job: "fast", convention: "prom-client" },
  { service: "idle", job: "idle", convention: "prom-client" },
  { service: "reviews", namespace: "bookinfo", convention: "istio" },
];
const LES = ["0.1", "0.25", "0.5", "1.0", "+Inf"].map((le) => ({
  labels: { le, convention: "prom-client" },
  value: 1,
}));

const WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d"] as const;
/** checkout's failed requests per second by window, out of 10 per second. */
const CHECKOUT_FAILED = {
  "5m": 0.2,
  "30m": 0.1,
  "1h": 0.2,
  "2h": 0.05,
  "6h": 0.08,
  "1d": 0.02,
  "3d": 0.01,
  "30d": 0.004,
};

const prom = (job: string, slo_part: string, value: number, le?: string): InstantSeries => ({
  labels: { job, service: job, convention: "prom-client", slo_part, ...(le ? { le } : {}) },
  value,
});

function windowAnswer(w: (typeof WINDOWS)[number]): InstantSeries[] {
  return [
    prom("checkout", "requests", 10),
    prom("checkout", "failed", CHECKOUT_FAILED[w]),
    prom("checkout", "bucket", w === "30d" ? 9.95 : 9.9, "0.25"),
    prom("checkout", "bucket", 10, "0.5"),
    prom("checkout", "bucket", 10, "+Inf"),
    prom("search", "requests", 0.00001),
    prom("search", "failed", 0),
    prom("search", "bucket", 0.00001, "0.25"),
    prom("search", "bucket", 0.00001, "0.5"),
    prom("search", "bucket", 0.00001, "+Inf"),
    prom("fast", "requests", 1),
    prom("fast", "failed", 0),
    prom("fast", "bucket", 0.9, "0.25"),
    prom("fast", "bucket", 1, "0.5"),
    prom("fast", "bucket", 1, "+Inf"),
    // The same job seen by Istio too: not its owner, so never read.
    { labels: { service: "checkout", convention: "istio", slo_part: "requests" }, value: 1000 },
    ...["requests", "failed"].map((slo_part, i) => ({
      labels: { service: "reviews", namespace: "bookinfo", convention: "istio", slo_part },
      value: [2, 0.02][i] ?? 0,
    })),
  ];
}

const CONFIG = {
  prometheus: { scrapeIntervalSeconds: 5 },
  slos: {
    services: [
      { service: "checkout", availability: 0.999, latency: { objective: 0.99, thresholdSeconds: 0.3 } },
      { service: "fast", latency: { objective: 0.99, thresholdSeconds: 0.001 } },
      { service: "ghost", availability: 0.99 },
    ],
  },
};

/** slosAnswer against an upstream holding the answers above, recording every instant query. */
async function answer(opts: { seen?: Record<string, string>[]; staleWindow?: string } = {}) {
  const asks: { query: string; at: number }[] = [];
  const ok = <T>(data: T, stale = false) => ({
    value: { data, warnings: [] },
    stale,
    ageSeconds: stale ? 42 : 0,
    outcome: stale ? ("stale" as const) : ("miss" as const),
  });
  const upstream: Upstream = {
    instant: async (query, at) => {
      asks.push({ query, at });
      if (query.includes("last_over_time")) return ok((opts.seen ?? SEEN).map((labels) => ({ labels, value: 1 })));
      if (query.includes("group by (le)")) return ok(LES);
      const w = WINDOWS.find((x) => query.includes(`[${x}]`));
      if (!w) throw new Error(`unexpected query ${query}`);
      return ok(windowAnswer(w), w === opts.staleWindow);
    },
    range: () => Promise.reject(new Error("unused")),
    metricNames: async () => ok(["http_request_duration_seconds_count", "istio_requests_total"]),
    alerts: () => Promise.reject(new Error("unused")),
    rules: () => Promise.reject(new Error("unused")),
    buildInfo: () => Promise.reject(new Error("unused")),
  };
  const t = resolveQueryTimes({ at: "1763800000" }, 1_763_800_000, {
    scrapeIntervalSeconds: 5,
    maxRangeDays: 31,
    statusWindowSeconds: 60,
  });
  const result = await slosAnswer({ upstream, cfg: configSchema.parse(CONFIG) }, t);
  return { result, asks };
}

const find = (slos: Slo[], service: string, kind: string) => {
  const s = slos.find((x) => x.service === service && x.kind === kind);
  if (!s) throw new Error(`no ${kind} SLO of ${service}`);
  return s;
};

describe("slosAnswer", () => {
  it("computes checkout's availability SLO by the SLO definitions", async () => {
    const { result } = await answer();
    const s = find(result.slos, "checkout", "availability");
    expect(s).toMatchObject({ objective: 0.999, periodSeconds: 2_592_000, default: false, alerting: true });
    expect(s).toMatchObject({
      thresholdSeconds: null,
      requestedThresholdSeconds: null,
      signalSource: "raw",
      notes: [],
    });
    // 0.004 / 10 over 30 days; the budget is 0.001, so 0.4 of it is spent.
    expect(s.errorRatio).toBeCloseTo(0.0004, 12);
    expect(s.budgetRemaining).toBeCloseTo(0.6, 9);
    expect(s.events?.total).toBeCloseTo(25_920_000, 3);
    expect(s.events?.bad).toBeCloseTo(10_368, 6);
    expect(s.events?.allowedBad).toBeCloseTo(25_920, 6);
    const burns = { "5m": 20, "30m": 10, "1h": 20, "2h": 5, "6h": 8, "1d": 2, "3d": 1 };
    for (const [w, b] of Object.entries(burns)) expect(s.burnRates[w as keyof typeof burns]).toBeCloseTo(b, 9);
    // 0.6 of 30 days at 20 times the sustainable rate.
    expect(s.timeToExhaustionSeconds).toBeCloseTo(77_760, 3);
    expect(s.lowTraffic).toBe(false);
    expect(s.alerts).toEqual([
      { severity: "page", long: "1h", short: "5m", factor: 14.4, firing: true, canFire: true },
      { severity: "page", long: "6h", short: "30m", factor: 6, firing: true, canFire: true },
      { severity: "ticket", long: "1d", short: "2h", factor: 3, firing: false, canFire: true },
      // A burn of exactly 1 is not above the factor 1.
      { severity: "ticket", long: "3d", short: "6h", factor: 1, firing: false, canFire: true },
    ]);
  });

  it("reads checkout's latency at 0.25 s, the largest boundary at or below the 0.3 s asked for", async () => {
    const { result } = await answer();
    const s = find(result.slos, "checkout", "latency");
    expect(s).toMatchObject({ thresholdSeconds: 0.25, requestedThresholdSeconds: 0.3, objective: 0.99 });
    // (10 − 9.95) / 10 over the period, (10 − 9.9) / 10 over every burn window; budget 0.01.
    expect(s.errorRatio).toBeCloseTo(0.005, 12);
    expect(s.budgetRemaining).toBeCloseTo(0.5, 9);
    expect(s.events?.bad).toBeCloseTo(129_600, 3);
    expect(s.events?.allowedBad).toBeCloseTo(259_200, 3);
    for (const b of Object.values(s.burnRates)) expect(b).toBeCloseTo(1, 9);
    expect(s.timeToExhaustionSeconds).toBeNull();
    expect(s.alerts.map((a) => a.firing)).toEqual([false, false, false, false]);
  });

  it("marks a service with fewer than one bad request allowed over the period low-traffic", async () => {
    const { result } = await answer();
    const s = find(result.slos, "search", "availability");
    // 0.00001 per second for 30 days is 25.92 requests; 1 % of them is 0.26 of a request.
    expect(s).toMatchObject({ default: true, alerting: false, objective: 0.99, errorRatio: 0, budgetRemaining: 1 });
    expect(s.events?.total).toBeCloseTo(25.92, 9);
    expect(s.lowTraffic).toBe(true);
  });

  it("leaves values null and says why where latency cannot be measured at the threshold", async () => {
    const { result } = await answer();
    expect(find(result.slos, "fast", "latency")).toMatchObject({
      thresholdSeconds: null,
      requestedThresholdSeconds: 0.001,
      errorRatio: null,
      budgetRemaining: null,
      events: null,
      burnRates: { "5m": null, "30m": null, "1h": null, "2h": null, "6h": null, "1d": null, "3d": null },
      timeToExhaustionSeconds: null,
      notes: ["no http_request_duration_seconds_bucket boundary at or below the threshold of 0.001 s"],
    });
    expect(find(result.slos, "reviews", "latency")).toMatchObject({
      namespace: "bookinfo",
      thresholdSeconds: null,
      requestedThresholdSeconds: 0.5,
      errorRatio: null,
      notes: ["no istio_request_duration_milliseconds_bucket series upstream: latency cannot be measured"],
    });
    expect(find(result.slos, "idle", "availability")).toMatchObject({ errorRatio: null, events: null, notes: [] });
  });

  it("lists the worst budget first, then the low-traffic ones, then those without a budget", async () => {
    const { result } = await answer();
    expect(result.slos.map((s) => `${s.service} ${s.kind}`)).toEqual([
      "reviews availability", // 0 left
      "checkout latency", // 0.5
      "checkout availability", // 0.6
      "fast availability", // 1
      "search availability", // low traffic
      "search latency",
      "fast latency", // no boundary
      "idle availability", // no requests
      "idle latency",
      "reviews latency", // no histogram
    ]);
    expect(result).toMatchObject({ at: 1_763_800_000, stale: false, source: "raw" });
  });

  it("warns of an entry that matches no discovered service", async () => {
    const { result } = await answer();
    expect(result.configWarnings).toEqual([
      { service: "ghost", namespace: "", message: "slos.services[2]: no service ghost has been found" },
    ]);
  });

  it("asks the boundaries and one query per window at `at`, naming no service, however many services there are", async () => {
    const many = await answer();
    const one = await answer({ seen: SEEN.slice(0, 1) });
    const windows = (asks: { query: string; at: number }[]) => asks.filter((a) => a.query.includes('"slo_part"'));
    expect(windows(many.asks)).toHaveLength(8);
    expect(many.asks.map((a) => a.query)).toEqual(one.asks.map((a) => a.query));
    for (const a of windows(many.asks)) {
      expect(a.at).toBe(1_763_800_000);
      expect(a.query).not.toMatch(/checkout|search|reviews/);
      // Only the boundaries the configuration asks for (0.25 for checkout's 0.3, 0.5 the default's) and +Inf.
      expect(a.query).toContain('le=~"0\\\\.25|0\\\\.5|\\\\+Inf"');
    }
  });

  it("serves a window's last good answer marked stale when the upstream fails", async () => {
    const { result } = await answer({ staleWindow: "1h" });
    expect(result).toMatchObject({ stale: true, ageSeconds: 42 });
    expect(find(result.slos, "checkout", "availability").burnRates["1h"]).toBeCloseTo(20, 9);
  });
});
