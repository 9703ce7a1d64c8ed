import { describe, expect, it } from "vitest";
import type { Points } from "@/lib/api/types";
import { statusClass, valueAt } from "./service-detail";

describe("valueAt", () => {
  const points: Points = [
    [100, 1],
    [115, 2],
    [130, null],
    [145, 4],
  ];

  it("takes the point at `at`, or the last one before it", () => {
    expect(valueAt(points, 115)).toBe(2);
    expect(valueAt(points, 129)).toBe(2);
    expect(valueAt(points, 1000)).toBe(4);
  });

  it("is null before the first point, for no points, and where the point is a gap", () => {
    expect(valueAt(points, 99)).toBeNull();
    expect(valueAt([], 100)).toBeNull();
    expect(valueAt(points, 130)).toBeNull();
  });
});

describe("statusClass", () => {
  it.each([
    ["200", "2xx"],
    ["201", "2xx"],
    ["404", "4xx"],
    ["503", "5xx"],
    ["101", "1xx"],
    ["failure", "failure"],
    ["success", "success"],
    ["600", "600"],
    ["2000", "2000"],
    ["", "unknown"],
  ])("puts %j in %j", (code, expected) => {
    expect(statusClass(code)).toBe(expected);
  });
});
