import { describe, expect, it } from "vitest";
import { joinAtSplit, splitRange } from "./recorded-range";
import { combineSourced, combineSources } from "@/lib/model/signal-source";
import { readingSource, SourceTracker } from "./signal-source";

describe("splitRange", () => {
  it("asks raw up to the point before the split and recorded from it, on the same grid", () => {
    expect(splitRange({ start: 1200, end: 4800, step: 60 }, 2040)).toEqual([
      { start: 1200, end: 1980, step: 60 },
      { start: 2040, end: 4800, step: 60 },
    ]);
  });
});

describe("joinAtSplit", () => {
  it("joins each service's series from both parts in time order, whatever else their labels hold", () => {
    const joined = joinAtSplit(
      [
        {
          labels: { job: "a", service: "a", convention: "prom-client" },
          points: [
            [60, 1],
            [120, 2],
          ],
        },
        { labels: { service: "b", convention: "prom-client" }, points: [[120, 7]] },
      ],
      [
        {
          labels: { service: "a", convention: "prom-client" },
          points: [
            [180, 3],
            [240, null],
          ],
        },
        { labels: { service: "c", convention: "istio", namespace: "x" }, points: [[180, 9]] },
      ],
    );
    expect(joined).toEqual([
      {
        labels: { job: "a", service: "a", convention: "prom-client" },
        points: [
          [60, 1],
          [120, 2],
          [180, 3],
          [240, null],
        ],
      },
      { labels: { service: "b", convention: "prom-client" }, points: [[120, 7]] },
      { labels: { service: "c", convention: "istio", namespace: "x" }, points: [[180, 9]] },
    ]);
  });

  it("tells quantiles apart, and joins by the key given", () => {
    const joined = joinAtSplit(
      [
        { labels: { job: "a", quantile: "0.5" }, points: [[60, 1]] },
        { labels: { job: "a", quantile: "0.99" }, points: [[60, 5]] },
      ],
      [
        { labels: { service: "a", convention: "prom-client", quantile: "0.99" }, points: [[120, 6]] },
        { labels: { service: "a", convention: "prom-client", quantile: "0.5" }, points: [[120, 2]] },
      ],
      (l) => l.quantile ?? "",
    );
    expect(joined.map((s) => [s.labels.quantile, s.points])).toEqual([
      [
        "0.5",
        [
          [60, 1],
          [120, 2],
        ],
      ],
      [
        "0.99",
        [
          [60, 5],
          [120, 6],
        ],
      ],
    ]);
  });
});

describe("sources", () => {
  it("combines answers' sources", () => {
    expect(combineSources([])).toBe("raw");
    expect(combineSources(["recorded", "recorded"])).toBe("recorded");
    expect(combineSources(["raw", "raw"])).toBe("raw");
    expect(combineSources(["recorded", "raw"])).toBe("mixed");
    expect(combineSources(["recorded", "mixed"])).toBe("mixed");
  });

  it("combines a page's answers, keeping the latest split point of the mixed ones", () => {
    expect(combineSourced([undefined, undefined])).toBeNull();
    expect(combineSourced([{ source: "recorded" }, undefined])).toEqual({ source: "recorded" });
    expect(combineSourced([{ source: "recorded" }, { source: "mixed", recordedFrom: 2040 }])).toEqual({
      source: "mixed",
      recordedFrom: 2040,
    });
    expect(combineSourced([{ source: "recorded" }, { source: "raw" }])).toEqual({ source: "mixed" });
  });

  it("says of one query whether all, none or some of its conventions were read recorded", () => {
    const r = { conventions: new Set(["a", "b"]), ruleWindow: 60 };
    expect(readingSource(["a", "b"], r)).toBe("recorded");
    expect(readingSource(["a", "c"], r)).toBe("mixed");
    expect(readingSource(["c"], r)).toBe("raw");
  });

  it("keeps the latest split point of a mixed answer, and none otherwise", () => {
    const t = new SourceTracker();
    t.note("recorded");
    expect(t.summary()).toEqual({ source: "recorded" });
    t.note("mixed", 2040);
    t.note("mixed", 1980);
    expect(t.summary()).toEqual({ source: "mixed", recordedFrom: 2040 });
  });
});
