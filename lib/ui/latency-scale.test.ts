import { describe, expect, it } from "vitest";
import { niceCeiling, sharedLatencyScale } from "./latency-scale";

const quantiles = (p99: number | null) => ({
  p50: [[0, 0.01]] as [number, number | null][],
  p90: [[0, 0.02]] as [number, number | null][],
  p99: [[0, p99]] as [number, number | null][],
});

describe("sharedLatencyScale", () => {
  it("puts fast failures on the same seconds axis as slow successes, topped by the slowest, rounded up", () => {
    expect(sharedLatencyScale([quantiles(2.4), quantiles(0.3)])).toEqual({ unit: "s", max: 2.5 });
  });

  it("stays in milliseconds while every panel is under a second, topped by the slowest, rounded up", () => {
    expect(sharedLatencyScale([quantiles(0.12), quantiles(0.45)])).toEqual({ unit: "ms", max: 500 });
  });

  it("has no top when no panel has a value", () => {
    expect(sharedLatencyScale([{ p50: [], p90: [], p99: [] }])).toEqual({ unit: "ms", max: null });
  });
});

describe("niceCeiling", () => {
  it("rounds an axis top up to a nice number of its magnitude", () => {
    expect([2.18, 755, 450, 0.12, 1, 1000, 8.01, 0.031].map(niceCeiling)).toEqual([
      2.5, 800, 500, 0.12, 1, 1000, 10, 0.04,
    ]);
  });
});
