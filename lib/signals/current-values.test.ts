import { describe, expect, it } from "vitest";
import { errorRatioOf } from "./current-values";

describe("errorRatioOf", () => {
  it("is failed / all", () => {
    expect(errorRatioOf(10, 2.5)).toBe(0.25);
  });

  it("is 0 where requests came but no failed series exists", () => {
    expect(errorRatioOf(10, null)).toBe(0);
  });

  it("has no value where no requests came (0 / 0), or nothing is known", () => {
    expect(errorRatioOf(0, null)).toBeNull();
    expect(errorRatioOf(0, 0)).toBeNull();
    expect(errorRatioOf(null, null)).toBeNull();
  });
});
