import { describe, expect, it } from "vitest";
import type { ServiceDetailResponse, StatusResponse } from "@/lib/model/types";
import type { Slo, SlosResponse } from "@/lib/model/slo-types";
import { api, promQuery, upstreamQueriesContaining, upstreamQueryCount } from "./helpers";

const FLEET = ["cart", "catalog", "checkout", "frontend", "inventory", "payments", "recommendations"];
const WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;
const R = "http_request_duration_seconds_count";
const H = "http_request_duration_seconds_bucket";
// The integration config (global-setup.ts): checkout 0.999 and 99 % within 0.3 s, read at the 0.25 s
// bucket; every other service the defaults, 0.99 and 99 % within 0.5 s (a bucket boundary itself).
const BUDGET = { checkout: { availability: 0.001, latency: 0.01 }, other: { availability: 0.01, latency: 0.01 } };
const LE = { checkout: "0.25", other: "0.5" };

function byJob(result: { metric: Record<string, string>; value: [number, string] }[]): Map<string, number> {
  return new Map(result.map((r) => [r.metric.job ?? "", Number(r.value[1])]));
}

/** The SLO error ratio errorRatio(w), in PromQL, of availability (failed / all) for every job. */
const availabilityRatio = (w: string) =>
  `sum by (job) (rate(${R}{status_code=~"5.."}[${w}])) / sum by (job) (rate(${R}[${w}]))`;
/** The SLO error ratio errorRatio(w) of latency at one boundary: (+Inf − le) / +Inf. */
const latencyRatio = (w: string, le: string) =>
  `(sum by (job) (rate(${H}{le="+Inf"}[${w}])) - sum by (job) (rate(${H}{le="${le}"}[${w}]))) / sum by (job) (rate(${H}{le="+Inf"}[${w}]))`;

/** Ours against Prometheus's value, which must exist. */
function expectClose(ours: number | null | undefined, reference: number | undefined, digits = 6) {
  expect(reference).toBeDefined();
  expect(ours).not.toBeNull();
  expect(ours).toBeCloseTo(reference ?? NaN, digits);
}

const slosAt = async (at: number) => {
  const { status, body } = await api<SlosResponse>(`/api/v1/slos?at=${at}`);
  expect(status).toBe(200);
  return body;
};
const sloOf = (body: SlosResponse, service: string, kind: Slo["kind"]) => {
  const s = body.slos.find((x) => x.service === service && x.kind === kind);
  if (!s) throw new Error(`no ${kind} SLO of ${service}`);
  return s;
};

/**
 * Waits until Prometheus's query log holds everything asked before now: it writes each query after
 * answering it, so a query of our own, once logged, comes after every earlier one.
 */
async function logCaughtUp(): Promise<void> {
  const marker = `vector(${Date.now()}.${Math.floor(Math.random() * 1e6)})`;
  await promQuery(marker, Math.floor(Date.now() / 1000));
  await expect.poll(() => upstreamQueriesContaining(marker).length).toBe(1);
}

describe("GET /api/v1/slos against the real Prometheus", () => {
  it("equals the SLO availability definitions evaluated by Prometheus at the same instant", async () => {
    const at = Math.floor(Date.now() / 1000) - 12;
    const body = await slosAt(at);
    expect(body).toMatchObject({ at, stale: false, source: "raw", configWarnings: [] });
    for (const name of FLEET) {
      const budget = name === "checkout" ? BUDGET.checkout.availability : BUDGET.other.availability;
      const ref = (q: string) => promQuery(q, at).then((r) => byJob(r).get(name));
      const [ratio, remaining, total, bad, allowed, ...burns] = await Promise.all([
        ref(availabilityRatio("30d")),
        ref(`1 - (${availabilityRatio("30d")}) / ${budget}`),
        ref(`sum by (job) (rate(${R}[30d])) * 2592000`),
        ref(`sum by (job) (rate(${R}{status_code=~"5.."}[30d])) * 2592000`),
        ref(`sum by (job) (rate(${R}[30d])) * 2592000 * ${budget}`),
        ...WINDOWS.map((w) => ref(`(${availabilityRatio(w)}) / ${budget}`)),
      ]);
      const s = sloOf(body, name, "availability");
      expect(s).toMatchObject({
        periodSeconds: 2_592_000,
        default: name !== "checkout",
        signalSource: "raw",
        notes: [],
      });
      expect(s.objective).toBeCloseTo(1 - budget, 12);
      // Where Prometheus has no 5xx series for the job its ratio has no value: none failed (0, a whole budget left).
      expectClose(s.errorRatio, ratio ?? 0);
      expectClose(s.budgetRemaining, remaining ?? 1);
      expectClose(s.events?.total, total, 3);
      expectClose(s.events?.bad, bad ?? 0, 3);
      expectClose(s.events?.allowedBad, allowed, 3);
      WINDOWS.forEach((w, i) => expectClose(s.burnRates[w], burns[i] ?? 0));
      expect(s.alerts.map((a) => `${a.severity} ${a.long}/${a.short} ${a.factor}`)).toEqual([
        "page 1h/5m 14.4",
        "page 6h/30m 6",
        "ticket 1d/2h 3",
        "ticket 3d/6h 1",
      ]);
    }
  });

  it("reads latency at the largest bucket at or below the threshold, as Prometheus evaluates it", async () => {
    const at = Math.floor(Date.now() / 1000) - 12;
    const body = await slosAt(at);
    for (const name of FLEET) {
      const own = name === "checkout";
      const le = own ? LE.checkout : LE.other;
      const budget = BUDGET[own ? "checkout" : "other"].latency;
      const s = sloOf(body, name, "latency");
      // checkout asked for 0.3 s: its histogram can only tell 0.25 s.
      expect(s).toMatchObject({
        thresholdSeconds: own ? 0.25 : 0.5,
        requestedThresholdSeconds: own ? 0.3 : 0.5,
        default: !own,
        notes: [],
      });
      const ref = (q: string) => promQuery(q, at).then((r) => byJob(r).get(name));
      const [ratio, remaining, total, bad, ...burns] = await Promise.all([
        ref(latencyRatio("30d", le)),
        ref(`1 - (${latencyRatio("30d", le)}) / ${budget}`),
        ref(`sum by (job) (rate(${H}{le="+Inf"}[30d])) * 2592000`),
        ref(`(sum by (job) (rate(${H}{le="+Inf"}[30d])) - sum by (job) (rate(${H}{le="${le}"}[30d]))) * 2592000`),
        ...WINDOWS.map((w) => ref(`(${latencyRatio(w, le)}) / ${budget}`)),
      ]);
      expectClose(s.errorRatio, ratio);
      expectClose(s.budgetRemaining, remaining);
      expectClose(s.events?.total, total, 3);
      expectClose(s.events?.bad, bad, 3);
      WINDOWS.forEach((w, i) => expectClose(s.burnRates[w], burns[i]));
    }
  });

  it("gives a service's page the same SLOs at the same instant, from the same cached queries", async () => {
    const at = Math.floor(Date.now() / 1000) - 3600 - Math.floor(Math.random() * 3600);
    // The window questions are instant queries; the page's own SLI and burndown are range queries.
    const windows = () =>
      upstreamQueriesContaining('\\"slo_part\\"').filter((l) => l.includes('"path":"/api/v1/query"')).length;
    const first = windows();
    const list = await slosAt(at);
    // Prometheus writes its query log after answering: the list's eight windows, then none more.
    await expect.poll(() => windows() - first).toBe(8);
    const windowsBefore = windows();
    const { status, body } = await api<ServiceDetailResponse>(`/api/v1/services/checkout?at=${at}`);
    expect(status).toBe(200);
    expect(body.slos?.map((s) => s.kind)).toEqual(["availability", "latency"]);
    for (const { sli, burndown, ...state } of body.slos ?? []) {
      expect(state).toEqual(sloOf(list, "checkout", state.kind));
      expect(sli?.values.length).toBeGreaterThan(0);
      expect(burndown?.rolling).toHaveLength(121);
    }
    await logCaughtUp();
    expect(windows()).toBe(windowsBefore);
  });

  it("costs the same number of upstream queries per call: 'seen' and one per window", async () => {
    // Leaves the metric names and the bucket boundaries cached.
    await slosAt(Math.floor(Date.now() / 1000) - 30);
    // Background refreshes of the boundaries (every five minutes) and of whether the SLO rules run
    // (every minute) are not a call's own.
    const count = () =>
      upstreamQueryCount() -
      upstreamQueriesContaining("group by (le)").length -
      upstreamQueriesContaining("signalboard_slo:rules:").length;
    for (let i = 0; i < 2; i++) {
      await logCaughtUp();
      const before = count();
      await slosAt(Math.floor(Date.now() / 1000) - 3600 - Math.floor(Math.random() * 3600));
      await expect.poll(() => count() - before).toBe(9);
    }
  });

  it("answers a bad `at` with a JSON 400", async () => {
    const { status, body } = await api<{ error: { code: string; param?: string } }>("/api/v1/slos?at=yesterday");
    expect(status).toBe(400);
    expect(body.error.param).toBe("at");
  });

  it("reports the SLO count and the configuration's warnings in /api/v1/status", async () => {
    const { body } = await api<StatusResponse>("/api/v1/status");
    expect(body.slos.warnings).toEqual([]);
    // Two SLOs per discovered service: the fleet's at least.
    expect(body.slos.count).toBeGreaterThanOrEqual(2 * FLEET.length);
    expect(body.slos.count % 2).toBe(0);
  });
});
