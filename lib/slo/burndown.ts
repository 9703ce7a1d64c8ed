// The burndown of an SLO (docs/definitions.md, "SLOs and error budgets"): the budget left over the rolling
// period and over the calendar period at each point of a step grid, summed on the server from
// per-step request counts, so one range query answers every point. Pure.
import type { SloPeriod } from "@/lib/config/schema";
import type { Values } from "@/lib/model/types";
import type { QueryRange } from "@/lib/time/range";
import { budgetRemaining, periodSeconds } from "./definitions";

/** Steps per period: 6 h for 30 days, 5.6 h for 28, 84 min for 7. */
export const BURNDOWN_STEPS = 120;

const DAY = 86_400;
const WEEK = 7 * DAY;
/** Monday 1970-01-05 00:00 UTC, the first Monday of the Unix epoch: where weeks (and four-week periods) are counted from. */
export const FIRST_MONDAY = 4 * DAY;
/** The longest calendar month: the 30-day calendar view may look back this far from a point. */
const LONGEST_MONTH = 31 * DAY;

/** The burndown's step: a period over BURNDOWN_STEPS. */
export function burndownStep(period: SloPeriod): number {
  return periodSeconds(period) / BURNDOWN_STEPS;
}

/**
 * The start of the calendar period at or before `t`: for 30d the calendar month (UTC), for 7d the
 * ISO week (Monday 00:00 UTC), for 28d four ISO weeks counted from Monday 1970-01-05 UTC (there is
 * no calendar four-week period; this fixed epoch makes every ask agree on the same boundaries).
 */
function periodStartAtOrBefore(t: number, period: SloPeriod): number {
  if (period === "30d") {
    const d = new Date(t * 1000);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
  }
  const length = period === "7d" ? WEEK : 4 * WEEK;
  return FIRST_MONDAY + Math.floor((t - FIRST_MONDAY) / length) * length;
}

/**
 * The start of the calendar period holding `t`, a period being (start, end] like a rate window: an
 * instant on a boundary closes the period before it (its whole budget), rather than opening an empty one.
 */
export function calendarStart(t: number, period: SloPeriod): number {
  const start = periodStartAtOrBefore(t, period);
  return start < t ? start : periodStartAtOrBefore(start - 1, period);
}

export interface BurndownPlan {
  /** The burndown's points: one period back from the last grid point at or before `at`. */
  axis: QueryRange;
  /** Where per-step counts are read: each point's count is of the step ending at it, back far enough for the first point's windows. */
  counts: QueryRange;
}

/**
 * The grid of a burndown ending at `at`: steps counted from Monday 1970-01-05 UTC, so that every
 * ask within a step shares the same query, and every calendar boundary (midnight UTC for months,
 * Monday for weeks) is a grid point. The last point is the grid point at or before `at`.
 */
export function burndownPlan(at: number, period: SloPeriod): BurndownPlan {
  const step = burndownStep(period);
  const end = FIRST_MONDAY + Math.floor((at - FIRST_MONDAY) / step) * step;
  const axisStart = end - periodSeconds(period);
  const lookback = Math.max(periodSeconds(period), period === "30d" ? LONGEST_MONTH : 0);
  return {
    axis: { start: axisStart, end, step },
    counts: { start: axisStart - lookback + step, end, step },
  };
}

/** Requests and bad requests per step of a grid: `[i]` counts the step ending at `grid.start + i × grid.step`; 0 where none came. */
export interface StepCounts {
  grid: QueryRange;
  total: readonly number[];
  bad: readonly number[];
}

function prefixSums(xs: readonly number[]): number[] {
  const out = [0];
  for (const x of xs) out.push((out.at(-1) ?? 0) + x);
  return out;
}

/**
 * The budget left over the window (from(t), t] at each point t of `axis`, summing the steps within
 * it (`from(t)` is a grid point). Null where no request came in the whole window.
 */
export function budgetOverWindows(
  counts: StepCounts,
  axis: QueryRange,
  from: (t: number) => number,
  objective: number,
): Values {
  const { grid } = counts;
  const total = prefixSums(counts.total);
  const bad = prefixSums(counts.bad);
  const at = (sums: number[], i: number) => sums[Math.min(Math.max(i, 0), sums.length - 1)] ?? 0;
  const out: Values = [];
  for (let t = axis.start; t <= axis.end; t += axis.step) {
    // Steps lo+1 … hi (those ending after from(t), up to t) are in the window: prefix sums hi+1 − (lo+1).
    const hi = Math.round((t - grid.start) / grid.step);
    const lo = Math.round((from(t) - grid.start) / grid.step);
    const n = at(total, hi + 1) - at(total, lo + 1);
    const b = at(bad, hi + 1) - at(bad, lo + 1);
    out.push(n > 0 ? budgetRemaining(b / n, objective) : null);
  }
  return out;
}

/** The budget left over the rolling period ending at each point: it looks back a whole period, so it never resets. */
export function rollingBudget(counts: StepCounts, axis: QueryRange, period: SloPeriod, objective: number): Values {
  return budgetOverWindows(counts, axis, (t) => t - periodSeconds(period), objective);
}

/** The budget left since the start of the calendar period holding each point: it resets at each start. */
export function calendarBudget(counts: StepCounts, axis: QueryRange, period: SloPeriod, objective: number): Values {
  return budgetOverWindows(counts, axis, (t) => calendarStart(t, period), objective);
}
