import { describe, expect, it } from "vitest";
import { hasValues, maxValue, seriesKey, toChartRows } from "./chart-rows";

describe("toChartRows", () => {
  it("merges series on timestamps and fills holes with null", () => {
    const rows = toChartRows([
      [
        [10, 1],
        [20, 2],
      ],
      [
        [20, 5],
        [30, null],
      ],
    ]);
    expect(rows).toEqual([
      { t: 10, s0: 1, s1: null },
      { t: 20, s0: 2, s1: 5 },
      { t: 30, s0: null, s1: null },
    ]);
  });

  it("scales values", () => {
    expect(toChartRows([[[10, 0.25]]], (v) => v * 100)).toEqual([{ t: 10, s0: 25 }]);
  });

  it("fills missing steps with nulls, so an outage is a gap and not a straight line", () => {
    const rows = toChartRows(
      [
        [
          [0, 1],
          [10, 1],
          [40, 2],
        ],
        [[20, 3]],
      ],
      undefined,
      10,
    );
    expect(rows.map((r) => r.t)).toEqual([0, 10, 20, 30, 40]);
    expect(rows[3]).toEqual({ t: 30, s0: null, s1: null });
    expect(rows[2]).toEqual({ t: 20, s0: null, s1: 3 });
  });

  it("names series by index", () => {
    expect(seriesKey(3)).toBe("s3");
  });
});

describe("hasValues and maxValue", () => {
  it("tell an empty range from zeros", () => {
    expect(hasValues([[[10, null]], []])).toBe(false);
    expect(hasValues([[[10, 0]]])).toBe(true);
    expect(
      maxValue([
        [[10, 0.5]],
        [
          [10, 2],
          [20, null],
        ],
      ]),
    ).toBe(2);
    expect(maxValue([])).toBe(0);
  });
});
