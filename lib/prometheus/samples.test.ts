import { describe, expect, it } from "vitest";
import { sampleValue, toPoint } from "./samples";

describe("sampleValue", () => {
  it.each([["NaN"], ["+Inf"], ["-Inf"], ["Inf"], ["not a number"]])("turns %j into null", (raw) => {
    expect(sampleValue(raw)).toBeNull();
  });

  it.each([
    ["1.5", 1.5],
    ["0", 0],
    ["-2", -2],
    ["1e-3", 0.001],
    ["1.2345678901234567e+21", 1.2345678901234567e21],
  ])("reads %j as %d", (raw, expected) => {
    expect(sampleValue(raw)).toBe(expected);
  });
});

describe("toPoint", () => {
  it("keeps the timestamp and converts the value", () => {
    expect(toPoint([1763800000, "0.25"])).toEqual([1763800000, 0.25]);
    expect(toPoint([1763800015.5, "NaN"])).toEqual([1763800015.5, null]);
  });
});
