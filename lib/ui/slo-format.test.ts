import { describe, expect, it } from "vitest";
import {
  axisPoints,
  burndownCaption,
  burndownAxis,
  burndownEmptyText,
  calendarLabel,
  eventsRows,
  exhaustionText,
  formatBudget,
  formatBurn,
  objectiveText,
  periodText,
  rollingLabel,
  sliDomain,
  thresholdText,
} from "./slo-format";

const NB = "\u00a0";

describe("formatBudget", () => {
  it("writes a share of the budget, negative when overspent", () => {
    expect(formatBudget(0.625)).toBe(`63${NB}%`);
    expect(formatBudget(0.62)).toBe(`62${NB}%`);
    expect(formatBudget(0.045)).toBe(`4.5${NB}%`);
    expect(formatBudget(0)).toBe(`0${NB}%`);
    expect(formatBudget(0.0001)).toBe(`0${NB}%`);
    expect(formatBudget(-0.38)).toBe(`−38${NB}%`);
    expect(formatBudget(-12.5)).toBe(`−1250${NB}%`);
    expect(formatBudget(1)).toBe(`100${NB}%`);
    expect(formatBudget(null)).toBe("—");
  });
});

describe("formatBurn", () => {
  it("writes a burn rate as a multiple", () => {
    expect(formatBurn(14.24)).toBe(`×${NB}14.2`);
    expect(formatBurn(1.5)).toBe(`×${NB}1.5`);
    expect(formatBurn(120)).toBe(`×${NB}120`);
  });
});

describe("objectiveText and thresholdText", () => {
  const latency = { kind: "latency" as const, objective: 0.99, thresholdSeconds: 0.1, requestedThresholdSeconds: 0.12 };

  it("says what the objective promises", () => {
    const availability = { kind: "availability" as const, objective: 0.999, thresholdSeconds: null };
    expect(objectiveText({ ...availability, requestedThresholdSeconds: null })).toBe(`99.9${NB}% of requests succeed`);
    expect(objectiveText({ ...availability, objective: 0.9995, requestedThresholdSeconds: null })).toBe(
      `99.95${NB}% of requests succeed`,
    );
    expect(objectiveText(latency)).toBe(`99${NB}% within 100${NB}ms`);
  });

  it("shows the effective threshold beside the requested one only when they differ", () => {
    expect(thresholdText(latency)).toBe(`threshold 0.1${NB}s (requested 0.12${NB}s)`);
    expect(thresholdText({ thresholdSeconds: 0.1, requestedThresholdSeconds: 0.1 })).toBeNull();
    expect(thresholdText({ thresholdSeconds: null, requestedThresholdSeconds: null })).toBeNull();
    expect(thresholdText({ thresholdSeconds: null, requestedThresholdSeconds: 0.002 })).toBe(
      `no bucket boundary at or below the requested 0.002${NB}s`,
    );
  });
});

describe("period labels", () => {
  it("names the period and both burndown lines", () => {
    expect(periodText(2_592_000)).toBe("30 days");
    expect(periodText(86_400)).toBe("1 day");
    expect(rollingLabel(2_419_200)).toBe("rolling 28 days");
    expect(calendarLabel(2_592_000)).toBe("calendar month");
    expect(calendarLabel(604_800)).toBe("calendar week");
    expect(calendarLabel(2_419_200)).toBe("calendar period");
  });
});

describe("events and exhaustion", () => {
  it("counts allowed, spent and left bad requests", () => {
    expect(eventsRows({ total: 12_000_000, bad: 4800, allowedBad: 12_000 })).toEqual([
      { label: "requests in the period", value: "12,000,000" },
      { label: "allowed", value: "12,000 requests" },
      { label: "spent", value: "4,800 requests" },
      { label: "left", value: "7,200 requests" },
    ]);
    expect(eventsRows({ total: 100_000, bad: 130.4, allowedBad: 100 })[3]).toEqual({
      label: "left",
      value: "−30 requests",
    });
  });

  it("says when the budget runs out at the current burn", () => {
    expect(exhaustionText({ timeToExhaustionSeconds: 12_000, budgetRemaining: 0.4 })).toBe(`in 3${NB}h 20${NB}min`);
    expect(exhaustionText({ timeToExhaustionSeconds: null, budgetRemaining: 0.4 })).toBe("not at the current burn");
    expect(exhaustionText({ timeToExhaustionSeconds: null, budgetRemaining: -0.1 })).toBe("already spent");
  });
});

describe("chart helpers", () => {
  it("turns an API axis into points", () => {
    expect(axisPoints(1000, 60, [0.99, null, 1])).toEqual([
      [1000, 0.99],
      [1060, null],
      [1120, 1],
    ]);
  });

  it("fits the SLI axis to the worst value and the objective, up to 100 %", () => {
    expect(sliDomain([0.9995, 1, null], 0.999)).toEqual([99.85, 100]);
    expect(sliDomain([0.989, 0.999], 0.999)).toEqual([98.5, 100]);
    expect(sliDomain([0.95, 0.999], 0.99)).toEqual([94, 100]);
    expect(sliDomain([], 0.5)).toEqual([40, 100]);
    expect(sliDomain([0], 0.99)).toEqual([0, 100]);
  });
});

describe("burndown helpers", () => {
  it("keeps 0–100 % and extends down when overspent", () => {
    expect(burndownAxis([[1, 0.62, null]])).toEqual({ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] });
    expect(burndownAxis([[0.5], [-0.38, 0.2]])).toEqual({ domain: [-50, 100], ticks: [-50, 0, 50, 100] });
    expect(burndownAxis([[-6.8, 1]])).toEqual({ domain: [-800, 100], ticks: [-800, -600, -400, -200, 0] });
    expect(burndownAxis([[-54.98]])).toEqual({ domain: [-6000, 100], ticks: [-6000, -4000, -2000, 0] });
  });

  it("says which line resets and which does not", () => {
    expect(burndownCaption(2_592_000, "11-01 00:00")).toEqual([
      "rolling 30 days: looks back a whole period at every point, so it never resets.",
      "calendar month: counts from the start of its period and resets on the 1st (this one began 11-01 00:00).",
    ]);
    expect(burndownCaption(604_800, "11-17 00:00")[1]).toBe(
      "calendar week: counts from the start of its period and resets at the start of each period (this one began 11-17 00:00).",
    );
  });

  it("says when a burndown's next point comes if the SLO has requests but no closed point holds any", () => {
    expect(burndownEmptyText(21_600, true, "12-06 00:00")).toBe(
      "No point with requests yet: the burndown draws one every 6\u00a0h, the next at 12-06 00:00",
    );
    expect(burndownEmptyText(21_600, false, "12-06 00:00")).toBe("No requests in the period");
  });
});
