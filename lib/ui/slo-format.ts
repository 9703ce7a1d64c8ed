// SLOs in words and numbers as the overview, the service page and the wall show them.
import type { SloAlertPair, Slo } from "@/lib/model/slo-types";
import type { Points, Values } from "@/lib/model/types";
import { formatAge, formatNumber, formatSeconds, NO_VALUE } from "./format";

const NBSP = "\u00a0";
const MINUS = "\u2212";
const DAY = 86_400;

// Enough digits for 99.95 % or 99.999 %, none of the binary noise of 0.999 × 100.
const objectivePercent = (o: number) => String(Number((o * 100).toFixed(4)));

/** A share of the budget: `62 %`, `4.5 %`, `0 %`, `−38 %` (overspent), `—` without requests. */
export function formatBudget(ratio: number | null): string {
  if (ratio === null) return NO_VALUE;
  const p = ratio * 100;
  const abs = Math.abs(p);
  const digits = abs < 10 && abs >= 0.05 ? 1 : 0;
  const text = String(Number(abs.toFixed(digits)));
  if (text === "0") return `0${NBSP}%`;
  return `${p < 0 ? MINUS : ""}${text}${NBSP}%`;
}

/** A burn rate: `× 14.2`, `× 1.5`, `× 120`. */
export function formatBurn(rate: number): string {
  return `×${NBSP}${formatNumber(rate)}`;
}

/** "99.9 % of requests succeed", "99 % within 100 ms", or "99 % within — " when no bucket measures the threshold. */
export function objectiveText(s: Pick<Slo, "kind" | "objective" | "thresholdSeconds" | "requestedThresholdSeconds">) {
  const o = `${objectivePercent(s.objective)}${NBSP}%`;
  if (s.kind === "availability") return `${o} of requests succeed`;
  return `${o} within ${formatSeconds(s.thresholdSeconds ?? s.requestedThresholdSeconds)}`;
}

/** "threshold 0.1 s (requested 0.12 s)" where the histogram's boundary differs from the configured threshold; null otherwise. */
export function thresholdText(s: Pick<Slo, "thresholdSeconds" | "requestedThresholdSeconds">): string | null {
  const { thresholdSeconds: t, requestedThresholdSeconds: r } = s;
  if (r === null || t === r) return null;
  if (t === null) return `no bucket boundary at or below the requested ${r}${NBSP}s`;
  return `threshold ${t}${NBSP}s (requested ${r}${NBSP}s)`;
}

/** "30 days", "7 days", or "36 hours" for a period that is not whole days. */
export function periodText(seconds: number): string {
  if (seconds % DAY === 0) return `${seconds / DAY} ${seconds === DAY ? "day" : "days"}`;
  return formatAge(seconds);
}

/** "1h & 5m above × 14.4". */
export function pairText(p: Pick<SloAlertPair, "long" | "short" | "factor">): string {
  return `${p.long} & ${p.short} above ${formatBurn(p.factor)}`;
}

/** The pairs whose condition holds at the answer's instant, page first as the API lists them. */
export function firingPairs(s: Pick<Slo, "alerts">): SloAlertPair[] {
  return s.alerts.filter((p) => p.firing);
}

/** A count of requests as a person reads it: whole, grouped: `12,000`, `4,800`; the nearest whole for a fraction. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Allowed, spent and left bad requests over the period; left is negative when overspent. */
export function eventsRows(events: NonNullable<Slo["events"]>): { label: string; value: string }[] {
  return [
    { label: "requests in the period", value: formatCount(events.total) },
    { label: "allowed", value: `${formatCount(events.allowedBad)} requests` },
    { label: "spent", value: `${formatCount(events.bad)} requests` },
    { label: "left", value: `${formatCount(events.allowedBad - events.bad).replace("-", MINUS)} requests` },
  ];
}

/** When the budget runs out at the current (1h) burn: "in 3 h 20 min", "already spent", or why it does not. */
export function exhaustionText(s: Pick<Slo, "timeToExhaustionSeconds" | "budgetRemaining">): string {
  if (s.budgetRemaining !== null && s.budgetRemaining <= 0) return "already spent";
  if (s.timeToExhaustionSeconds === null) return "not at the current burn";
  return `in ${formatAge(s.timeToExhaustionSeconds)}`;
}

/** A live burn value in the pairs' table: `× 0.52`, or — where the window had no requests. */
export function burnValueText(rate: number | null): string {
  return rate === null ? NO_VALUE : formatBurn(rate);
}

/** An API axis (`start`, `step`, values) as chart points. */
export function axisPoints(start: number, step: number, values: Values): Points {
  return values.map((v, i) => [start + i * step, v]);
}

// Tick steps in %, as axes draw them: 1, 2 and 5 times a power of ten.
const NICE_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20];

/**
 * The SLI chart's y range in %: from a whole tick step under the lower of the worst value and the
 * objective, up to 100, so a 99.9 % objective is not drawn on top of 100 % at a 0–100 scale.
 */
export function sliDomain(values: Values, objective: number): [number, number] {
  let low = objective * 100;
  for (const v of values) if (v !== null && Number.isFinite(v) && v * 100 < low) low = v * 100;
  const step = NICE_STEPS.find((s) => s * 4 >= 100 - low) ?? 25;
  return [Math.max(0, Number((Math.floor(low / step - 0.25) * step).toFixed(4))), 100];
}

/** "rolling 30 days", for the line that looks back a whole period at every point. */
export function rollingLabel(periodSeconds: number): string {
  return `rolling ${periodText(periodSeconds)}`;
}

/** What the calendar line is, from the period: a month for 30 days, a week for 7; "calendar period" otherwise. */
export function calendarLabel(periodSeconds: number): string {
  if (periodSeconds === 30 * DAY) return "calendar month";
  if (periodSeconds === 7 * DAY) return "calendar week";
  return "calendar period";
}

/** The smallest of 1, 2, 2.5 and 5 × 10ⁿ that is at least `x` (x > 0). */
function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= x) ?? 10) * power;
}

/**
 * The burndown's y axis in % of budget: from 100 (a full budget: no line goes above it) down to 0
 * (spent) at least, lower when a line is, with ticks on round steps (100, 50, 0, −50 or 0, −200,
 * −400 …) so that a deeply spent budget does not read "−80, −280, −480". Where the step is over 100,
 * the top (100) gets no tick of its own: it would sit on 0's label.
 */
export function burndownAxis(series: readonly Values[]): { domain: [number, number]; ticks: number[] } {
  let low = 0;
  for (const values of series)
    for (const v of values) if (v !== null && Number.isFinite(v)) low = Math.min(low, v * 100);
  const step = niceStep((100 - low) / 5);
  const from = Math.floor(low / step) * step;
  const ticks: number[] = [];
  for (let i = 0; from + i * step <= 100; i++) ticks.push(from + i * step);
  return { domain: [from, 100], ticks };
}

/** What the two burndown lines mean, in a sentence each; `since` is the calendar period's start as the page writes times. */
export function burndownCaption(periodSeconds: number, since: string): string[] {
  const calendar = calendarLabel(periodSeconds);
  const resets = periodSeconds === 30 * DAY ? "on the 1st" : "at the start of each period";
  return [
    `${rollingLabel(periodSeconds)}: looks back a whole period at every point, so it never resets.`,
    `${calendar}: counts from the start of its period and resets ${resets} (this one began ${since}).`,
  ];
}

/**
 * Why a burndown has nothing to draw. Its points close one step apart (6 h for 30 days), so an SLO
 * with requests now but none before the last closed point (a young Prometheus, a new service) waits
 * for the next point; `nextPoint` is already in the viewer's zone.
 */
export function burndownEmptyText(stepSeconds: number, hasRequestsNow: boolean, nextPoint: string): string {
  if (!hasRequestsNow) return "No requests in the period";
  return `No point with requests yet: the burndown draws one every ${formatAge(stepSeconds)}, the next at ${nextPoint}`;
}
