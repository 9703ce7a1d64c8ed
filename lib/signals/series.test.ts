import { describe, expect, it } from "vitest";
import type { Points } from "@/lib/model/types";
import { meanOf, pointCount, toValues, topWithOthers } from "./series";

const range = { start: 90, end: 150, step: 15 };

describe("pointCount", () => {
  it("counts both ends", () => {
    expect(pointCount(range)).toBe(5);
    expect(pointCount({ start: 90, end: 90, step: 15 })).toBe(1);
  });
});

describe("toValues", () => {
  it("places points on the grid and leaves gaps as null", () => {
    expect(
      toValues(
        [
          [90, 1],
          [120, 3],
          [150, 5],
        ],
        range,
      ),
    ).toEqual([1, null, 3, null, 5]);
  });

  it("keeps null values as gaps, not zeros", () => {
    expect(
      toValues(
        [
          [90, 0],
          [105, null],
        ],
        range,
      ),
    ).toEqual([0, null, null, null, null]);
  });

  it("snaps timestamps that are off the grid by float noise", () => {
    expect(
      toValues(
        [
          [105.0000001, 2],
          [134.9999999, 4],
        ],
        range,
      ),
    ).toEqual([null, 2, null, 4, null]);
  });

  it("drops points outside the range", () => {
    expect(
      toValues(
        [
          [60, 9],
          [75, 9],
          [165, 9],
          [90, 1],
        ],
        range,
      ),
    ).toEqual([1, null, null, null, null]);
  });

  it("keeps four significant digits", () => {
    expect(
      toValues(
        [
          [90, 0.008751872169383652],
          [105, 1234567.89],
        ],
        range,
      ),
    ).toEqual([0.008752, 1235000, null, null, null]);
  });

  it("gives all nulls for no points", () => {
    expect(toValues([], range)).toEqual([null, null, null, null, null]);
  });
});

describe("meanOf", () => {
  it("averages the non-null values", () => {
    expect(
      meanOf([
        [1, 2],
        [2, null],
        [3, 4],
      ]),
    ).toBe(3);
    expect(meanOf([[1, null]])).toBeNull();
    expect(meanOf([])).toBeNull();
  });
});

describe("topWithOthers", () => {
  const s = (name: string, points: Points) => ({ name, points });

  it("sorts by traffic without an others line when at most one would be summed", () => {
    const three = [s("a", [[0, 1]]), s("b", [[0, 3]]), s("c", [[0, 2]])];
    expect(topWithOthers(three, 2).map((x) => x.name)).toEqual(["b", "c", "a"]);
    expect(topWithOthers(three, 5).map((x) => x.name)).toEqual(["b", "c", "a"]);
  });

  it("keeps the top series and sums the rest point by point into others", () => {
    const series = [
      s("small-1", [
        [0, 1],
        [15, null],
        [30, 1],
      ]),
      s("big", [
        [0, 100],
        [15, 100],
      ]),
      s("small-2", [
        [15, 2],
        [0, 2],
      ]),
      s("mid", [
        [0, 50],
        [15, 50],
      ]),
      s("empty", [[0, null]]),
    ];
    expect(topWithOthers(series, 2)).toEqual([
      s("big", [
        [0, 100],
        [15, 100],
      ]),
      s("mid", [
        [0, 50],
        [15, 50],
      ]),
      s("others", [
        [0, 3],
        [15, 2],
        [30, 1],
      ]),
    ]);
  });

  it("does not change its input", () => {
    const series = [s("a", [[0, 1]]), s("b", [[0, 2]]), s("c", [[0, 3]]), s("d", [[0, 4]])];
    const copy = structuredClone(series);
    topWithOthers(series, 1);
    expect(series).toEqual(copy);
  });
});
