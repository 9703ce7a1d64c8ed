import { describe, expect, it } from "vitest";
import { rowsThatFit, withMore } from "./fit";

describe("rowsThatFit", () => {
  it("counts whole rows with gaps between them", () => {
    expect(rowsThatFit(700, 64, 8)).toBe(9);
    expect(rowsThatFit(640, 64)).toBe(10);
  });

  it("does not lose a row to fractional pixels", () => {
    expect(rowsThatFit(639.8, 63.98)).toBe(10);
  });

  it("is 0 for unknown or empty sizes", () => {
    expect(rowsThatFit(0, 64)).toBe(0);
    expect(rowsThatFit(500, 0)).toBe(0);
    expect(rowsThatFit(Number.NaN, 64)).toBe(0);
    expect(rowsThatFit(30, 64)).toBe(0);
  });
});

describe("withMore", () => {
  it("shows everything that fits", () => {
    expect(withMore(5, 8)).toEqual({ shown: 5, more: 0 });
    expect(withMore(8, 8)).toEqual({ shown: 8, more: 0 });
  });

  it("gives the last slot to the count of the rest", () => {
    expect(withMore(20, 8)).toEqual({ shown: 7, more: 13 });
    expect(withMore(3, 1)).toEqual({ shown: 0, more: 3 });
    expect(withMore(3, 0)).toEqual({ shown: 0, more: 3 });
  });

  it("shows all before the box is measured", () => {
    expect(withMore(12, null)).toEqual({ shown: 12, more: 0 });
  });
});
