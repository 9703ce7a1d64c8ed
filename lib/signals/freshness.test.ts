import { describe, expect, it } from "vitest";
import { FreshnessTracker } from "./freshness";

const answer = (stale: boolean, ageSeconds: number, warnings: string[] = []) => ({
  value: { data: ageSeconds, warnings },
  stale,
  ageSeconds,
  outcome: stale ? ("stale" as const) : ("hit" as const),
});

describe("FreshnessTracker", () => {
  it("is fresh while every answer is, and keeps each warning once", () => {
    const tracker = new FreshnessTracker();
    tracker.take(answer(false, 12, ["w"]));
    tracker.take(answer(false, 3, ["w"]));
    expect(tracker.summary()).toEqual({ stale: false, warnings: ["w"] });
  });

  it("is as old as its oldest stale answer, rounded up", () => {
    const tracker = new FreshnessTracker();
    tracker.take(answer(true, 4.2));
    tracker.take(answer(false, 30));
    tracker.take(answer(true, 9.1));
    expect(tracker.summary()).toEqual({ stale: true, ageSeconds: 10, warnings: [] });
  });

  it("says why the upstream failed, by the first stale answer's reason", () => {
    const tracker = new FreshnessTracker();
    tracker.take(answer(false, 3));
    tracker.take({ ...answer(true, 20), staleReason: "the upstream refused the bearer token (401)" });
    tracker.take({ ...answer(true, 5), staleReason: "no answer from the upstream within 3 s" });
    expect(tracker.summary()).toEqual({
      stale: true,
      ageSeconds: 20,
      staleReason: "the upstream refused the bearer token (401)",
      warnings: [],
    });
  });

  it("never calls a stale answer 0 s old, even one copied a moment before the outage", () => {
    const tracker = new FreshnessTracker();
    tracker.take(answer(true, 0.2));
    expect(tracker.summary()).toMatchObject({ stale: true, ageSeconds: 1 });
  });
});
