import { describe, expect, it } from "vitest";
import { formatWindow, statusTooltip } from "./service-status-text";

describe("formatWindow", () => {
  it.each([
    [60, "1 min"],
    [300, "5 min"],
    [90, "90 s"],
    [3600, "1 h"],
    [20, "20 s"],
  ])("says %i s as %j", (seconds, text) => {
    expect(formatWindow(seconds)).toBe(text);
  });
});

describe("statusTooltip", () => {
  it("states the window and that firing alerts count, then the reasons", () => {
    expect(statusTooltip("failing", ["1 of 2 instances down", "critical alert firing: InstanceDown"], 60)).toBe(
      "failing: error ratio and p99 over the last 1 min, instances up, and firing alerts (a critical alert is failing, a warning degraded). Now: 1 of 2 instances down; critical alert firing: InstanceDown",
    );
    expect(statusTooltip("ok", [], 120)).toBe(
      "ok: error ratio and p99 over the last 2 min, instances up, and firing alerts (a critical alert is failing, a warning degraded)",
    );
  });
});
