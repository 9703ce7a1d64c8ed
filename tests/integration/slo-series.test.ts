// A service page's SLO series (lib/signals/slo-series.ts) read from the shared stack's Prometheus,
// with its backfilled day of history, against the SLO definitions evaluated by Prometheus itself.
import { beforeAll, describe, expect, it } from "vitest";
import { configSchema, type Config } from "@/lib/config/schema";
import type { QueryTimes } from "@/lib/model/query-times";
import type { SloKind } from "@/lib/model/slo-types";
import { queryTimesNow } from "@/lib/api/query-times";
import { serviceKey } from "@/lib/identity/service-identity";
import { getMetrics } from "@/lib/metrics/registry";
import { createPrometheusClient } from "@/lib/prometheus/client";
import { createUpstream } from "@/lib/prometheus/upstream";
import { bucketBoundaries } from "@/lib/promql/slo";
import { calendarStart } from "@/lib/slo/burndown";
import { resolveSlos, type ResolvedSlo } from "@/lib/slo/resolve";
import { discoverConventions, discoverServices, type SignalDeps } from "@/lib/signals/discovery";
import { FreshnessTracker } from "@/lib/signals/freshness";
import { sloSeries, type SloSeries } from "@/lib/signals/slo-series";
import { promQuery, stack } from "./helpers";

const HOUR = 3600;
// The demo's checkout (prom-client convention: service in `job`, failures 5xx), as Prometheus is asked directly.
const CHECKOUT = 'http_request_duration_seconds_count{job="checkout"}';
const CHECKOUT_FAILED = 'http_request_duration_seconds_count{job="checkout",status_code=~"5.."}';
const checkoutBucket = (le: string) => `http_request_duration_seconds_bucket{job="checkout",le="${le}"}`;

/** One number from Prometheus at an instant; null where the query has no result. */
async function scalar(query: string, time: number): Promise<number | null> {
  const [row] = await promQuery(query, time);
  return row ? Number(row.value[1]) : null;
}

/** The counters of an SLO: total, and bad ones (availability) or good ones (latency). */
interface Counters {
  total: string;
  bad?: string;
  good?: string;
}

/** Bad ÷ total over (time − window, time], by Prometheus: the design's errorRatio. */
async function errorRatio(c: Counters, window: number, time: number): Promise<number | null> {
  const increase = (selector: string) => scalar(`sum(increase(${selector}[${window}s]))`, time);
  const n = await increase(c.total);
  if (n === null || n === 0) return null;
  if (c.bad) return ((await increase(c.bad)) ?? 0) / n;
  return (n - ((await increase(c.good ?? "")) ?? 0)) / n;
}

let cfg: Config;
let t: QueryTimes;
let slos: ResolvedSlo[];
let series: Map<SloKind, SloSeries>;
let fresh: FreshnessTracker;
let queries: string[];

beforeAll(async () => {
  cfg = configSchema.parse({
    prometheus: { url: stack().prometheusUrl, scrapeIntervalSeconds: 5 },
    slos: {
      services: [{ service: "checkout", availability: 0.999, latency: { objective: 0.99, thresholdSeconds: 0.1 } }],
    },
  });
  const client = createPrometheusClient({ url: cfg.prometheus.url, timeoutMs: 30_000 });
  const upstream = createUpstream(client, cfg, getMetrics());
  queries = [];
  const deps: SignalDeps = {
    cfg,
    upstream: {
      ...upstream,
      range: (q, r) => {
        queries.push(q);
        return upstream.range(q, r);
      },
    },
  };
  fresh = new FreshnessTracker();
  t = queryTimesNow(cfg, { from: "now-24h", to: "now" });
  const { inUse } = await discoverConventions(deps, fresh);
  const owners = await discoverServices(deps, t, inUse, fresh);
  const owner = inUse.find((c) => c.name === owners.get(serviceKey({ name: "checkout" })));
  expect(owner?.name).toBe("prom-client");
  if (!owner) return;
  const les = (await promQuery(bucketBoundaries([owner]), t.at)).map((r) => r.metric.le ?? "");
  slos = resolveSlos(cfg, [{ id: { name: "checkout" }, convention: owner }], new Map([[owner.name, les]]));
  series = await sloSeries(deps, t, slos, fresh);
});

const kinds = () =>
  slos.map((slo) => ({
    slo,
    counters:
      slo.kind === "availability"
        ? { total: CHECKOUT, bad: CHECKOUT_FAILED }
        : { total: checkoutBucket("+Inf"), good: checkoutBucket(slo.boundary?.le ?? "") },
    budget: slo.kind === "availability" ? 0.001 : 0.01,
  }));

describe("checkout's SLO series over the backfilled day", () => {
  it("asks one range query for the SLIs and one for the burndowns, naming checkout alone", () => {
    expect(slos.map((s) => s.kind)).toEqual(["availability", "latency"]);
    expect(slos[1]?.boundary?.seconds).toBe(0.1);
    expect(queries).toHaveLength(2);
    for (const q of queries) expect(q).toContain('job="checkout"');
    expect(fresh.summary().warnings).toEqual([]);
  });

  it("gives each SLI at the page's axis, equal to good ÷ total by Prometheus at the last point", async () => {
    for (const { slo, counters } of kinds()) {
      const sli = series.get(slo.kind)?.sli;
      expect(sli?.start).toBe(t.range.start);
      expect(sli?.step).toBe(t.range.step);
      const values = sli?.values ?? [];
      expect(values).toHaveLength((t.range.end - t.range.start) / t.range.step + 1);
      // Backfilled: a value at nearly every point of the day.
      expect(values.filter((v) => v !== null).length, slo.kind).toBeGreaterThan(values.length * 0.9);
      // rate() ratios over the series window are increase() ratios: the same samples, so equal to
      // rounding. The point before the last, whose samples were all in when the series was read.
      const ratio = await errorRatio(counters, t.window, t.range.end - t.range.step);
      expect(values.at(-2), slo.kind).toBeCloseTo(1 - (ratio ?? Number.NaN), 9);
    }
  });

  it("gives each burndown 121 points over the period, null before the history began", () => {
    for (const { slo } of kinds()) {
      const b = series.get(slo.kind)?.burndown;
      expect(b?.step).toBe(6 * HOUR);
      expect(b?.rolling).toHaveLength(121);
      expect(b?.calendar).toHaveLength(121);
      expect(b?.calendarStart).toBe(calendarStart(t.at, "30d"));
      expect(new Date((b?.calendarStart ?? 0) * 1000).getUTCDate()).toBe(1);
      // The history is 26 hours long: points 36 h or more before the last have no requests; those of the last 18 h have.
      expect(b?.rolling.slice(0, 115).every((v) => v === null)).toBe(true);
      expect(b?.rolling.slice(117).every((v) => v !== null)).toBe(true);
    }
  });

  // The burndown sums per-6h increases; Prometheus's increase() over the whole window extrapolates
  // at its two ends only, the tiles at each 6 h edge. Each edge's extrapolation differs from the
  // counter's true course by less than one sample interval (120 s in the older history) of a
  // smooth rate: 1 % of the error ratio leaves room for the 25-minute error burst 9 h ago sampled
  // every 120 s, not for a missing or doubled step (which would be off by 1/N of the day or more).
  it("has rolling and calendar budgets at its last points equal to 1 − errorRatio ÷ budget by Prometheus, within 1 % of the ratio", async () => {
    for (const { slo, counters, budget } of kinds()) {
      const b = series.get(slo.kind)?.burndown;
      if (!b) throw new Error(`${slo.kind}: no burndown`);
      for (let back = 0; back <= 4; back++) {
        const i = b.rolling.length - 1 - back;
        const time = b.start + i * b.step;
        for (const [view, window] of [
          ["rolling", 30 * 86_400],
          ["calendar", time - calendarStart(time, "30d")],
        ] as const) {
          const ours = b[view][i];
          const theirs = await errorRatio(counters, window, time);
          const what = `${slo.kind} ${view} at ${new Date(time * 1000).toISOString()}`;
          if (theirs === null) {
            expect(ours, what).toBeNull();
            continue;
          }
          expect(ours, what).not.toBeNull();
          const ratio = (1 - (ours ?? 0)) * budget;
          expect(Math.abs(ratio - theirs), `${what}: ${ratio} vs ${theirs}`).toBeLessThanOrEqual(theirs * 0.01 + 1e-12);
        }
      }
    }
  });
});
