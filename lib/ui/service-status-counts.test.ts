import { describe, expect, it } from "vitest";
import { moreText, noServicesText, statusCounts } from "./service-status-counts";

describe("statusCounts", () => {
  it("counts worst first and leaves out statuses with none", () => {
    expect(statusCounts(["ok", "failing", "ok", "idle", "failing", "ok"])).toEqual([
      { status: "failing", count: 2 },
      { status: "idle", count: 1 },
      { status: "ok", count: 3 },
    ]);
    expect(statusCounts([])).toEqual([]);
  });
});

describe("moreText", () => {
  it("says when the rest are all alike", () => {
    expect(moreText(["ok", "ok", "ok"])).toBe("+3 more, all ok");
  });

  it("lists a mix worst first", () => {
    expect(moreText(["ok", "degraded", "ok"])).toBe("+3 more: 1 degraded, 2 ok");
  });
});

describe("noServicesText", () => {
  it("tells a quiet range from an upstream where nothing matched", () => {
    expect(noServicesText(3)).toBe("No services have requests");
    expect(noServicesText(0)).toBe(
      "No known request metrics upstream: open /status on this dashboard to see what was looked for",
    );
  });
});
