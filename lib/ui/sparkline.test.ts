import { describe, expect, it } from "vitest";
import { maxOf, pointCount, sparkSegments } from "./sparkline";

describe("sparkSegments", () => {
  it("scales from zero at the bottom to max at the top", () => {
    expect(sparkSegments([0, 5, 10], 100, 22, 10)).toEqual(["0.0,21.0 50.0,11.0 100.0,1.0"]);
  });

  it("breaks lines at gaps and drops lone points", () => {
    expect(sparkSegments([1, 1, null, 1, null, 1, 1], 60, 12, 1, 0)).toEqual(["0.0,0.0 10.0,0.0", "50.0,0.0 60.0,0.0"]);
  });

  it("draws an all-zero series flat on the floor", () => {
    expect(sparkSegments([0, 0], 10, 10, 0, 0)).toEqual(["0.0,10.0 10.0,10.0"]);
  });

  it("draws nothing under two points", () => {
    expect(sparkSegments([], 10, 10, 1)).toEqual([]);
    expect(sparkSegments([3], 10, 10, 3)).toEqual([]);
    expect(sparkSegments([null, null], 10, 10, 3)).toEqual([]);
  });
});

describe("maxOf and pointCount", () => {
  it("ignore gaps", () => {
    expect(
      maxOf([
        [1, null, 3],
        [2, Number.NaN],
      ]),
    ).toBe(3);
    expect(maxOf([[null], []])).toBeNull();
    expect(pointCount([1, null, 0, Number.NaN])).toBe(2);
  });
});
