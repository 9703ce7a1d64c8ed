// The arithmetic of SLOs as docs/definitions.md ("SLOs and error budgets") defines it: windows, the
// multi-window burn-rate pairs of the Google SRE workbook and their factors for each period, and
// the budget from an error ratio. Pure: both the computation and the alert rules use it.
import type { SloPeriod } from "@/lib/config/schema";
import { BURN_WINDOWS, type BurnSeverity, type BurnWindow } from "@/lib/model/slo-types";
import { parseDuration } from "@/lib/time/parse-time";

export const periodSeconds = (p: SloPeriod): number => parseDuration(p);
export const windowSeconds = (w: BurnWindow): number => parseDuration(w);

/** Every window an SLO is read over: the burn windows, then the period. */
export const sloWindows = (p: SloPeriod): number[] => [...BURN_WINDOWS.map(windowSeconds), periodSeconds(p)];

export interface BurnPair {
  severity: BurnSeverity;
  long: BurnWindow;
  short: BurnWindow;
  /** Share of the period's budget that a burn at the factor spends within the long window. */
  budgetShare: number;
}

/** The workbook's four pairs (its table 5-8), page first. */
export const BURN_PAIRS: readonly BurnPair[] = [
  { severity: "page", long: "1h", short: "5m", budgetShare: 0.02 },
  { severity: "page", long: "6h", short: "30m", budgetShare: 0.05 },
  { severity: "ticket", long: "1d", short: "2h", budgetShare: 0.1 },
  { severity: "ticket", long: "3d", short: "6h", budgetShare: 0.1 },
];

/** Rounds away binary noise (0.05 × 720 = 36.00000000000001) so that factors read as the workbook writes them. */
export function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** A pair's burn-rate factor for a period: budget share × period ÷ long window (14.4 for 1h over 30 days). */
export function burnFactor(pair: BurnPair, period: SloPeriod): number {
  return tidy((pair.budgetShare * periodSeconds(period)) / windowSeconds(pair.long));
}

/** The error budget: 1 − objective, without binary noise (1 − 0.999 is 0.0010000000000000009). */
export function errorBudget(objective: number): number {
  return tidy(1 - objective);
}

/**
 * A burn rate can never exceed 1 / (1 − objective) (every request bad), and a pair fires only above
 * its factor: a factor at or above that bound never fires.
 */
export function factorCanFire(factor: number, objective: number): boolean {
  return factor < 1 / errorBudget(objective);
}

/** Error ratio ÷ budget; null without requests. */
export function burnRate(errorRatio: number | null, objective: number): number | null {
  return errorRatio === null ? null : errorRatio / errorBudget(objective);
}

/** 1 − error ratio over the period ÷ budget: negative when overspent, null without requests. */
export function budgetRemaining(errorRatio: number | null, objective: number): number | null {
  return errorRatio === null ? null : 1 - errorRatio / errorBudget(objective);
}

/** Too few requests over the period for the objective to mean anything: fewer than one bad request allowed. */
export function isLowTraffic(totalEvents: number | null, objective: number): boolean {
  return (totalEvents ?? 0) * errorBudget(objective) < 1;
}

/**
 * Seconds until the remaining budget is spent at a burn rate: a burn of b spends the whole budget in
 * period ÷ b, so the remaining share lasts remaining × period ÷ b. Null where the burn is at or below
 * 1 (the budget then lasts the period, and the rolling window replenishes it); 0 when already spent.
 */
export function timeToExhaustion(remaining: number | null, burn: number | null, period: number): number | null {
  if (remaining === null || burn === null || !(burn > 1)) return null;
  return remaining <= 0 ? 0 : (remaining * period) / burn;
}

/** A number as a plain decimal, never in exponent form, for rule files people read (0.0144, not 1.44e-2). */
export function plainDecimal(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`${x} has no decimal form`);
  const s = String(tidy(x));
  if (!/e/i.test(s)) return s;
  return tidy(x)
    .toFixed(20)
    .replace(/\.?0+$/, "");
}
