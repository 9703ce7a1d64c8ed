import { describe, expect, it } from "vitest";
import { nodeTabIcon, servicesTab, tabIconHref, verdictTab } from "./tab-status";

describe("servicesTab", () => {
  it("names the statuses that need attention, worst first, with the worst one's icon", () => {
    expect(servicesTab(["ok", "failing", "degraded", "failing", "down", "idle"], false)).toEqual({
      title: "1 down, 2 failing, 1 degraded · signalboard",
      icon: "down",
    });
    expect(servicesTab(["ok", "degraded"], false)).toEqual({ title: "1 degraded · signalboard", icon: "degraded" });
  });

  it("says all ok when nothing needs attention", () => {
    expect(servicesTab(["ok", "idle", "ok"], false)).toEqual({ title: "all ok · signalboard", icon: "ok" });
  });

  it("marks old data stale and greys the icon whatever it said", () => {
    expect(servicesTab(["failing", "ok"], true)).toEqual({ title: "1 failing (stale) · signalboard", icon: "unknown" });
  });

  it("says so when there is nothing yet, or no service at all", () => {
    expect(servicesTab(undefined, false)).toEqual({ title: "signalboard", icon: "unknown" });
    expect(servicesTab([], false)).toEqual({ title: "no services · signalboard", icon: "unknown" });
  });
});

describe("verdictTab", () => {
  it("puts the verdict after the name", () => {
    expect(verdictTab("checkout", "failing", "failing", false)).toEqual({
      title: "checkout failing · signalboard",
      icon: "failing",
    });
    expect(verdictTab("node-1", "saturated", nodeTabIcon("saturated"), true)).toEqual({
      title: "node-1 saturated (stale) · signalboard",
      icon: "unknown",
    });
  });

  it("keeps the plain title while the verdict is loading", () => {
    expect(verdictTab("checkout", undefined, "ok", false)).toEqual({
      title: "checkout · signalboard",
      icon: "unknown",
    });
  });
});

describe("icons", () => {
  it("maps node verdicts onto the service colours and serves them from public/tab", () => {
    expect((["down", "NotReady", "saturated", "busy", "ok"] as const).map(nodeTabIcon)).toEqual([
      "down",
      "down",
      "failing",
      "degraded",
      "ok",
    ]);
    expect(tabIconHref("failing")).toBe("/tab/failing.svg");
  });
});
