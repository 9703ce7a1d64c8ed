import { describe, expect, it } from "vitest";
import type { ServiceDetailResponse, ServiceSparklinesResponse, ServicesResponse, Values } from "@/lib/model/types";
import { serviceKey } from "@/lib/identity/service-identity";
import { api, promQuery } from "./helpers";

const FLEET = ["cart", "catalog", "checkout", "frontend", "inventory", "payments", "recommendations"];

/** Close enough for two evaluations of the same query at the same instant. */
function expectSame(ours: number | null, reference: number | undefined) {
  if (reference === undefined || !Number.isFinite(reference)) expect(ours).toBeNull();
  else expect(ours).toBeCloseTo(reference, 6);
}

function byJob(result: { metric: Record<string, string>; value: [number, string] }[]): Map<string, number> {
  return new Map(result.map((r) => [r.metric.job ?? "", Number(r.value[1])]));
}

describe("GET /api/v1/services against the real Prometheus", () => {
  it("equals the docs/definitions.md definitions evaluated by Prometheus at the same instant and window", async () => {
    // Off the scrape grid, as an alert's activeAt is: a link's instant is answered at that instant.
    const at = Math.floor(Date.now() / 1000) - 12 + 0.25;
    const { status, body } = await api<ServicesResponse>(`/api/v1/services?at=${at}`);
    expect(status).toBe(200);
    expect(body.stale).toBe(false);
    expect(body.at).toBe(at);
    const W = `${body.window}s`;
    const R = "http_request_duration_seconds_count";
    const H = "http_request_duration_seconds_bucket";
    const rate = byJob(await promQuery(`sum by (job) (rate(${R}[${W}]))`, body.at));
    const errors = byJob(
      await promQuery(`sum by (job) (rate(${R}{status_code=~"5.."}[${W}])) / sum by (job) (rate(${R}[${W}]))`, body.at),
    );
    const quantile = async (q: number, matcher = "") =>
      byJob(await promQuery(`histogram_quantile(${q}, sum by (job, le) (rate(${H}${matcher}[${W}])))`, body.at));
    const [p50, p90, p99] = await Promise.all([quantile(0.5), quantile(0.9), quantile(0.99)]);
    // Successful and failed requests apart: the same definition over each outcome's buckets.
    const [ok50, ok99, fail99] = await Promise.all([
      quantile(0.5, '{status_code!~"5.."}'),
      quantile(0.99, '{status_code!~"5.."}'),
      quantile(0.99, '{status_code=~"5.."}'),
    ]);

    for (const name of FLEET) {
      const s = body.services.find((x) => x.name === name);
      expect(s, `service ${name} listed`).toBeDefined();
      if (!s) continue;
      expect(s.convention).toBe("prom-client");
      expect(s.requestRate).toBeGreaterThan(0);
      expectSame(s.requestRate, rate.get(name));
      // The bare PromQL ratio has no value where a service had no 5xx series; the API says 0 there (docs/definitions.md).
      if (errors.has(name)) expectSame(s.errorRatio, errors.get(name));
      else expect(s.errorRatio).toBe(0);
      expectSame(s.latency.p50, p50.get(name));
      expectSame(s.latency.p90, p90.get(name));
      expectSame(s.latency.p99, p99.get(name));
      expectSame(s.latencySuccess.p50, ok50.get(name));
      expectSame(s.latencySuccess.p99, ok99.get(name));
      expectSame(s.latencyFailure.p99, fail99.get(name));
    }
  });

  it("finds the services the real OpenTelemetry SDK instruments, with the values Prometheus evaluates over its names", async () => {
    const at = Math.floor(Date.now() / 1000) - 12;
    const { body } = await api<ServicesResponse>(`/api/v1/services?at=${at}`);
    const W = `${body.window}s`;
    // The names demo/otel-service.ts's exporter writes (lib/signals/testdata/otel-sdk-exposition.txt).
    const R = "http_server_request_duration_count";
    const rate = byJob(await promQuery(`sum by (job) (rate(${R}[${W}]))`, at));
    const errors = byJob(
      await promQuery(
        `sum by (job) (rate(${R}{http_response_status_code=~"5.."}[${W}])) / sum by (job) (rate(${R}[${W}]))`,
        at,
      ),
    );
    const p99 = byJob(
      await promQuery(
        `histogram_quantile(0.99, sum by (job, le) (rate(http_server_request_duration_bucket[${W}])))`,
        at,
      ),
    );
    // service.name reaches Prometheus in target_info, in the same job the preset reads.
    const info = await promQuery(`target_info`, at);
    for (const name of ["search", "ads"]) {
      const s = body.services.find((x) => x.name === name);
      expect(s?.convention, name).toBe("otel-http");
      if (!s) continue;
      expect(s.requestRate).toBeGreaterThan(0);
      expectSame(s.requestRate, rate.get(name));
      if (errors.has(name)) expectSame(s.errorRatio, errors.get(name));
      else expect(s.errorRatio).toBe(0);
      expectSame(s.latency.p99, p99.get(name));
      expect(info.find((r) => r.metric.job === name)?.metric.service_name).toBe(name);
    }
  });

  it("finds services of other conventions once each, latency converted to seconds", async () => {
    const { body } = await api<ServicesResponse>("/api/v1/services");
    const conventionOf = new Map(body.services.map((s) => [s.name, s.convention]));
    expect(conventionOf.get("search")).toBe("otel-http");
    expect(conventionOf.get("email")).toBe("otel-http-legacy");
    expect(conventionOf.get("reviews")).toBe("istio");
    expect(conventionOf.get("ratings")).toBe("istio");
    const names = body.services.map(serviceKey);
    expect(new Set(names).size).toBe(names.length);
    const email = body.services.find((s) => s.name === "email");
    // The legacy OTel histogram is in milliseconds; a p50 above 10 would mean it was not converted.
    expect(email?.latency.p50).toBeGreaterThan(0);
    expect(email?.latency.p50).toBeLessThan(10);
  });

  it("answers the sparklines alone with series=only, the same lines as series=true", async () => {
    const at = Math.floor(Date.now() / 1000) - 10;
    const [only, both] = await Promise.all([
      api<ServiceSparklinesResponse>(`/api/v1/services?from=now-15m&to=${at}&width=120&series=only`),
      api<ServicesResponse>(`/api/v1/services?from=now-15m&to=${at}&width=120&series=true`),
    ]);
    expect(only.status).toBe(200);
    expect(only.body.axis).toEqual(both.body.axis);
    expect(only.body.services.length).toBeGreaterThan(0);
    const lines = new Map(only.body.services.map((s) => [serviceKey(s), s.series]));
    for (const s of only.body.services) {
      expect(s.series.p99, s.name).toHaveLength(only.body.axis.points);
      expect("requestRate" in s, s.name).toBe(false);
    }
    // The same lines for every service that has any; series=true gives the others empty ones.
    for (const s of both.body.services) {
      const values: Values[] = s.series ? Object.values(s.series) : [];
      const drawn = values.some((v) => v.some((x) => x !== null));
      if (drawn) expect(lines.get(serviceKey(s)), s.name).toEqual(s.series);
      else expect(lines.has(serviceKey(s)), s.name).toBe(false);
    }
  });

  it("returns aligned sparklines with the axis when asked", async () => {
    const { body } = await api<ServicesResponse>("/api/v1/services?from=now-15m&to=now&width=120&series=true");
    expect(body.axis).toBeDefined();
    const axis = body.axis!;
    expect(axis.start % axis.step).toBe(0);
    const checkout = body.services.find((s) => s.name === "checkout");
    expect(checkout?.series?.requestRate).toHaveLength(axis.points);
    expect(checkout?.series?.requestRate.some((v) => v !== null && v > 0)).toBe(true);
  });

  it("serves a service's range series and breakdowns", async () => {
    const { status, body } = await api<ServiceDetailResponse>("/api/v1/services/checkout?from=now-10m&to=now");
    expect(status).toBe(200);
    expect(body.service.name).toBe("checkout");
    expect(body.series.requestRate.length).toBeGreaterThan(1);
    expect(body.series.byStatusClass.map((s) => s.name)).toContain("2xx");
    expect(body.breakdowns.byInstance.length).toBe(2);
    expect(body.breakdowns.byRoute?.length).toBeGreaterThan(0);
    for (const [t] of body.series.requestRate) expect(t % body.step).toBe(0);
  });

  it("answers 404 with a clear error for a service that does not exist", async () => {
    const { status, body } = await api<{ error: { code: string; message: string } }>(
      "/api/v1/services/no-such-service",
    );
    expect(status).toBe(404);
    expect(body.error.code).toBe("service_not_found");
    expect(body.error.message).toContain("no-such-service");
  });
});
