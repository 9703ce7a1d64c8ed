import { describe, expect, it } from "vitest";
import { statusClass } from "./service-detail";

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
