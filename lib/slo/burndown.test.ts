import { describe, expect, it } from "vitest";
import type { QueryRange } from "@/lib/time/range";
import {
  budgetOverWindows,
  burndownPlan,
  burndownStep,
  calendarBudget,
  calendarStart,
  FIRST_MONDAY,
  rollingBudget,
  type StepCounts,
} from "./burndown";

// Instants (UTC), written out once.
const JAN_1_2025 = 1_735_689_600;
const DEC_31_2024_18H = 1_735_668_000;
const FEB_1 = 1_738_368_000;
const FEB_8 = 1_738_972_800;
const FEB_9 = 1_739_059_200;
const FEB_20_06H = 1_740_031_200;
const MAR_1 = 1_740_787_200;
const MAR_1_06H = 1_740_808_800;
const MAR_10 = 1_741_564_800;
const MAR_15_12H = 1_742_040_000;
const MON_NOV_10 = 1_762_732_800;
const MON_NOV_17 = 1_763_337_600;
const THU_NOV_20_10H = 1_763_632_800;
const MON_OCT_27 = 1_761_523_200;

/** Counts on a grid from a function of each step's end: what a range query of per-step increases answers. */
function countsOn(grid: QueryRange, f: (t: number) => [total: number, bad: number]): StepCounts {
  const total: number[] = [];
  const bad: number[] = [];
  for (let t = grid.start; t <= grid.end; t += grid.step) {
    const [n, b] = f(t);
    total.push(n);
    bad.push(b);
  }
  return { grid, total, bad };
}

const at = (values: (number | null)[], axis: QueryRange, t: number) => values[(t - axis.start) / axis.step];

describe("calendar periods", () => {
  it("are UTC calendar months for 30d", () => {
    expect(calendarStart(MAR_15_12H, "30d")).toBe(MAR_1);
    expect(calendarStart(DEC_31_2024_18H, "30d")).toBe(1_733_011_200); // 2024-12-01
    expect(calendarStart(JAN_1_2025 + 1, "30d")).toBe(JAN_1_2025);
  });

  it("close at their end: an instant on a boundary belongs to the period before it", () => {
    expect(calendarStart(MAR_1, "30d")).toBe(FEB_1);
    expect(calendarStart(JAN_1_2025, "30d")).toBe(1_733_011_200);
    expect(calendarStart(MON_NOV_17, "7d")).toBe(MON_NOV_10);
  });

  it("are ISO weeks from Monday 00:00 UTC for 7d", () => {
    expect(calendarStart(THU_NOV_20_10H, "7d")).toBe(MON_NOV_17);
    expect(calendarStart(MON_NOV_17 + 1, "7d")).toBe(MON_NOV_17);
  });

  it("are four ISO weeks counted from Monday 1970-01-05 UTC for 28d", () => {
    expect(FIRST_MONDAY).toBe(345_600);
    expect(calendarStart(FIRST_MONDAY + 1, "28d")).toBe(345_600);
    expect(calendarStart(FIRST_MONDAY + 28 * 86_400 + 5, "28d")).toBe(2_764_800); // Monday 1970-02-02
    expect(calendarStart(THU_NOV_20_10H, "28d")).toBe(MON_OCT_27);
  });
});

describe("the burndown's grid", () => {
  it("has 120 steps per period", () => {
    expect(burndownStep("30d")).toBe(21_600);
    expect(burndownStep("28d")).toBe(20_160);
    expect(burndownStep("7d")).toBe(5_040);
  });

  it("ends on the grid point at or before `at`, and reads counts back one period (a 31-day month for 30d) before its first point", () => {
    expect(burndownPlan(MAR_10 + 3_600, "30d")).toEqual({
      axis: { start: FEB_8, end: MAR_10, step: 21_600 },
      counts: { start: FEB_8 - 31 * 86_400 + 21_600, end: MAR_10, step: 21_600 },
    });
    // 7d steps are counted from Monday 1970-01-05, so Mondays are grid points: Thursday 10:00 is in the step after MON_NOV_17 + 58 steps.
    const week = burndownPlan(THU_NOV_20_10H, "7d");
    expect(week.axis).toEqual({ start: 1_763_025_120, end: 1_763_629_920, step: 5_040 });
    expect(week.counts.start).toBe(1_763_025_120 - 7 * 86_400 + 5_040);
    expect((MON_NOV_17 - week.axis.start) % 5_040).toBe(0);
  });

  it("is the same for every `at` within one step", () => {
    expect(burndownPlan(MAR_10, "30d")).toEqual(burndownPlan(MAR_10 + 21_599, "30d"));
  });
});

describe("rolling and calendar budgets over a month change (30d, objective 0.99)", () => {
  const { axis, counts: grid } = burndownPlan(MAR_10, "30d");
  // 1000 requests per 6 h from Feb 9 on, none before; 10 bad in the step ending Feb 20 06:00, 5 in the first step of March.
  const burst = new Map([
    [FEB_20_06H, 10],
    [MAR_1_06H, 5],
  ]);
  const counts = countsOn(grid, (t) => [t > FEB_9 ? 1000 : 0, burst.get(t) ?? 0]);
  const rolling = rollingBudget(counts, axis, "30d", 0.99);
  const calendar = calendarBudget(counts, axis, "30d", 0.99);

  it("has a point per step over the period", () => {
    expect(rolling).toHaveLength(121);
    expect(calendar).toHaveLength(121);
  });

  it("is null where no request came in the window, and 1 where none was bad", () => {
    expect(at(rolling, axis, FEB_8)).toBeNull();
    expect(at(calendar, axis, FEB_9)).toBeNull();
    expect(at(rolling, axis, FEB_9 + 21_600)).toBe(1);
    expect(at(calendar, axis, FEB_9 + 21_600)).toBe(1);
  });

  it("rolling: 15 bad of 116,000 over the period ending Mar 10", () => {
    expect(at(rolling, axis, MAR_10)).toBeCloseTo(0.9870689655172414, 12);
  });

  it("calendar: February's whole budget at Mar 1 00:00, then March alone from its first step", () => {
    // February: 80 steps with traffic, 10 bad of 80,000.
    expect(at(calendar, axis, MAR_1)).toBeCloseTo(0.9875, 12);
    expect(at(calendar, axis, MAR_1_06H)).toBeCloseTo(0.5, 12);
    expect(at(calendar, axis, MAR_1_06H + 21_600)).toBeCloseTo(0.75, 12);
    // The rolling view does not reset: the February burst is still in it (15 bad of 81 steps' 81,000).
    expect(at(rolling, axis, MAR_1_06H)).toBeCloseTo(0.9814814814814815, 12);
  });
});

describe("calendar budgets over an ISO week change (7d, objective 0.9)", () => {
  const { axis, counts: grid } = burndownPlan(THU_NOV_20_10H, "7d");
  // One request per step, the one ending Monday Nov 17 00:00 (the last of the week before) bad.
  const counts = countsOn(grid, (t) => [1, t === MON_NOV_17 ? 1 : 0]);
  const calendar = calendarBudget(counts, axis, "7d", 0.9);

  it("closes the week on Monday 00:00 and starts the next one after it", () => {
    expect(at(calendar, axis, MON_NOV_17)).toBeCloseTo(0.9166666666666666, 12);
    expect(at(calendar, axis, MON_NOV_17 + 5_040)).toBe(1);
    expect(at(rollingBudget(counts, axis, "7d", 0.9), axis, MON_NOV_17 + 5_040)).toBeCloseTo(0.9166666666666666, 12);
  });
});

describe("budgetOverWindows", () => {
  it("sums the steps after from(t) up to t", () => {
    const grid = { start: 100, end: 150, step: 10 };
    const counts = { grid, total: [10, 10, 10, 10, 10, 10], bad: [0, 1, 0, 2, 0, 0] };
    // Windows of two steps: (t − 20, t].
    expect(budgetOverWindows(counts, { start: 120, end: 150, step: 10 }, (t) => t - 20, 0.5)).toEqual([
      0.9, 0.8, 0.8, 1,
    ]);
  });
});
