import { describe, expect, it } from "vitest";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import recorded from "./testdata/histogram-quantile.json";
import { addBuckets, bucketsOf, histogramQuantile, latencyOf, parseLe, type Bucket } from "./histogram";

const h = (pairs: [number, number][]): Bucket[] => pairs.map(([le, count]) => ({ le, count }));

describe("parseLe", () => {
  it("reads +Inf as Go's ParseFloat does, and numbers in any notation", () => {
    expect(parseLe("+Inf")).toBe(Infinity);
    expect(parseLe("Inf")).toBe(Infinity);
    expect(parseLe("-Inf")).toBe(-Infinity);
    expect(parseLe("0.005")).toBe(0.005);
    expect(parseLe("1e+03")).toBe(1000);
  });

  it("rejects what is not a number", () => {
    expect(parseLe(undefined)).toBeNull();
    expect(parseLe("")).toBeNull();
    expect(parseLe("fast")).toBeNull();
  });
});

describe("histogramQuantile", () => {
  const buckets = h([
    [0.1, 10],
    [0.5, 30],
    [1, 40],
    [Infinity, 40],
  ]);

  it("interpolates linearly inside the bucket the rank falls in", () => {
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.3, 12);
    expect(histogramQuantile(0.9, buckets)).toBeCloseTo(0.8, 12);
    expect(histogramQuantile(0.99, buckets)).toBeCloseTo(0.98, 12);
  });

  it("does not depend on the order the buckets come in", () => {
    expect(histogramQuantile(0.9, [...buckets].reverse())).toBe(histogramQuantile(0.9, buckets));
  });

  it("starts the first bucket at 0", () => {
    expect(
      histogramQuantile(
        0.5,
        h([
          [0.1, 10],
          [Infinity, 10],
        ]),
      ),
    ).toBeCloseTo(0.05, 12);
  });

  it("answers the highest finite bound when the rank falls in +Inf", () => {
    expect(
      histogramQuantile(
        0.9,
        h([
          [0.1, 5],
          [Infinity, 10],
        ]),
      ),
    ).toBe(0.1);
  });

  it("makes counts that rate() left out of order non-decreasing first", () => {
    const skewed = h([
      [0.1, 10],
      [0.5, 9],
      [1, 20],
      [Infinity, 20],
    ]);
    expect(histogramQuantile(0.5, skewed)).toBeCloseTo(0.1, 12);
    expect(histogramQuantile(0.9, skewed)).toBeCloseTo(0.9, 12);
  });

  it("has no value without +Inf, with one bucket, or without observations (Prometheus's NaN)", () => {
    expect(
      histogramQuantile(
        0.5,
        h([
          [0.1, 1],
          [1, 2],
        ]),
      ),
    ).toBeNull();
    expect(histogramQuantile(0.5, h([[Infinity, 2]]))).toBeNull();
    expect(
      histogramQuantile(
        0.5,
        h([
          [0.1, 0],
          [Infinity, 0],
        ]),
      ),
    ).toBeNull();
    expect(histogramQuantile(0.5, [])).toBeNull();
  });

  it("equals Prometheus's histogram_quantile on a recorded answer", () => {
    const series: InstantSeries[] = recorded.buckets.map((b) => ({ labels: b.metric, value: Number(b.value) }));
    const ofJob = (job: string | undefined) => series.filter((s) => s.labels.job === job);
    let compared = 0;
    for (const [phi, answer] of Object.entries(recorded.quantiles)) {
      for (const r of answer) {
        const ours = histogramQuantile(Number(phi), bucketsOf(ofJob(r.metric.job)));
        const theirs = Number(r.value);
        if (Number.isNaN(theirs)) expect(ours).toBeNull();
        else expect(ours).toBeCloseTo(theirs, 9);
        compared++;
      }
    }
    expect(compared).toBe(36);
  });
});

describe("bucketsOf and addBuckets", () => {
  it("add counts of equal bounds, as sum by (le) does, and skip series without a number", () => {
    const series: InstantSeries[] = [
      { labels: { le: "0.1" }, value: 1 },
      { labels: { le: "0.1" }, value: 2 },
      { labels: { le: "+Inf" }, value: 4 },
      { labels: { le: "+Inf" }, value: null },
      { labels: {}, value: 9 },
    ];
    expect(bucketsOf(series)).toEqual(
      h([
        [0.1, 3],
        [Infinity, 4],
      ]),
    );
    expect(
      addBuckets(
        h([
          [0.1, 3],
          [Infinity, 4],
        ]),
        h([
          [0.1, 1],
          [0.5, 1],
          [Infinity, 2],
        ]),
      ),
    ).toEqual(
      h([
        [0.1, 4],
        [Infinity, 6],
        [0.5, 1],
      ]),
    );
  });
});

describe("latencyOf", () => {
  it("gives p50, p90 and p99, scaled (a milliseconds histogram to seconds)", () => {
    const ms = h([
      [100, 10],
      [500, 30],
      [1000, 40],
      [Infinity, 40],
    ]);
    const l = latencyOf(ms, 1 / 1000);
    expect(l.p50).toBeCloseTo(0.3, 12);
    expect(l.p90).toBeCloseTo(0.8, 12);
    expect(l.p99).toBeCloseTo(0.98, 12);
  });

  it("is all null for an empty histogram", () => {
    expect(latencyOf([])).toEqual({ p50: null, p90: null, p99: null });
  });
});
