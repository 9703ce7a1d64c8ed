import { describe, expect, it } from "vitest";
import { effectiveBoundary } from "./threshold";

const seconds = { durationUnit: "seconds" as const };

describe("effectiveBoundary", () => {
  it("takes the largest boundary at or below the threshold, as the upstream writes it", () => {
    expect(effectiveBoundary(0.5, ["0.1", "0.25", "0.5", "1.0", "+Inf"], seconds)).toEqual({ le: "0.5", seconds: 0.5 });
    expect(effectiveBoundary(0.3, ["0.1", "0.25", "0.5", "+Inf"], seconds)).toEqual({ le: "0.25", seconds: 0.25 });
    expect(effectiveBoundary(1, ["0.5", "1.0", "+Inf"], seconds)).toEqual({ le: "1.0", seconds: 1 });
  });

  it("reads a millisecond histogram's boundaries in seconds", () => {
    expect(effectiveBoundary(0.1, ["50", "100", "250", "+Inf"], { durationUnit: "milliseconds" })).toEqual({
      le: "100",
      seconds: 0.1,
    });
  });

  it("has none when every boundary is above the threshold", () => {
    expect(effectiveBoundary(0.001, ["0.005", "0.01", "+Inf"], seconds)).toBeNull();
    expect(effectiveBoundary(0.5, [], seconds)).toBeNull();
  });
});
