import { describe, expect, it } from "vitest";
import { alertGroups } from "./alert-groups";

const a = (severity: string, state: "firing" | "pending") => ({ severity, state });

describe("alertGroups", () => {
  it("counts one critical firing and one warning pending apart, never as two critical", () => {
    expect(alertGroups([a("critical", "firing"), a("warning", "pending")]).map((g) => g.text)).toEqual([
      "1 critical firing",
      "1 warning pending",
    ]);
  });

  it("puts firing before pending and the worst level first, whatever the order given", () => {
    const groups = alertGroups([
      a("info", "firing"),
      a("warning", "pending"),
      a("page", "pending"),
      a("critical", "firing"),
      a("crit", "firing"),
    ]);
    expect(groups.map((g) => g.text)).toEqual([
      "2 critical firing",
      "1 info firing",
      "1 critical pending",
      "1 warning pending",
    ]);
  });

  it("has no group for no alerts", () => {
    expect(alertGroups([])).toEqual([]);
  });
});
