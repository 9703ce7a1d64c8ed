import { describe, expect, it } from "vitest";
import type { ServiceSparkline, ServiceSparklinesResponse, ServiceSummary } from "@/lib/model/types";
import { withSparklines } from "./sparklines";

const summary = (name: string, namespace?: string): ServiceSummary => ({
  name,
  ...(namespace ? { namespace } : {}),
  convention: "prom-client",
  requestRate: 1,
  errorRatio: 0,
  latency: { p50: null, p90: null, p99: null },
  latencyByOutcome: true,
  latencySuccess: { p50: null, p90: null, p99: null },
  latencyFailure: { p50: null, p90: null, p99: null },
  instances: null,
  status: "ok",
  statusReasons: [],
});

const line = (v: number): ServiceSparkline => ({
  requestRate: [v],
  errorRatio: [0],
  p50: [0.1],
  p90: [0.2],
  p99: [0.3],
  p99Failure: [null],
});

function answer(services: ServiceSparklinesResponse["services"]): ServiceSparklinesResponse {
  return {
    at: 0,
    window: 20,
    from: 0,
    to: 0,
    stale: false,
    source: "raw",
    warnings: [],
    conventions: ["prom-client"],
    axis: { start: 0, step: 30, points: 1 },
    services,
  };
}

describe("withSparklines", () => {
  it("attaches each service's trends by namespace and name, leaving others without", () => {
    const rows = [summary("reviews", "shop"), summary("reviews", "staging"), summary("cart")];
    const out = withSparklines(
      rows,
      answer([{ name: "reviews", namespace: "staging", convention: "istio", series: line(7) }]),
    );
    expect(out.map((s) => s.series?.requestRate[0] ?? null)).toEqual([null, 7, null]);
    expect(out[0]).toBe(rows[0]);
  });

  it("returns the rows as they are while the sparklines have not come", () => {
    const rows = [summary("cart")];
    expect(withSparklines(rows, undefined)).toEqual(rows);
  });
});
