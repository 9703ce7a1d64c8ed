// A service page's SLO series: each SLO's SLI over the page's range, and its burndown over the
// period (rolling and calendar), for one resolved service. Raw series of that service alone: one
// range query for the SLIs and one per period for the burndowns, whatever the number of services.
import type { QueryTimes } from "@/lib/model/query-times";
import type { ServiceSlo, SloBurndown, SloKind } from "@/lib/model/slo-types";
import type { Values } from "@/lib/model/types";
import { serviceKey } from "@/lib/identity/service-identity";
import type { RangeSeries } from "@/lib/prometheus/upstream";
import { conventionSloWindow, SLO_PART, type SloPart } from "@/lib/promql/slo";
import { burndownPlan, calendarBudget, calendarStart, rollingBudget, type StepCounts } from "@/lib/slo/burndown";
import type { ResolvedSlo } from "@/lib/slo/resolve";
import type { QueryRange } from "@/lib/time/range";
import type { SignalDeps } from "./discovery";
import type { FreshnessTracker } from "./freshness";
import { pointCount } from "./series";

export interface SloSeries {
  sli?: ServiceSlo["sli"];
  burndown?: SloBurndown;
}

const INF = "+Inf";

/** One part's values on a grid (null where it has no point). */
function partOnGrid(rows: readonly RangeSeries[], r: QueryRange, part: SloPart, le?: string): Values {
  const out: Values = new Array<number | null>(pointCount(r)).fill(null);
  const s = rows.find((x) => x.labels[SLO_PART] === part && (le === undefined || x.labels.le === le));
  for (const [t, v] of s?.points ?? []) {
    const i = Math.round((t - r.start) / r.step);
    if (i >= 0 && i < out.length) out[i] = v;
  }
  return out;
}

/**
 * An SLO's total and bad rates at each point of a grid: requests and failed ones (0 where none
 * failed) for availability; the histogram's count and those above the boundary for latency. Null
 * total where there is no series; null bad where it cannot be told.
 */
function totalAndBad(rows: readonly RangeSeries[], r: QueryRange, slo: ResolvedSlo): { total: Values; bad: Values } {
  if (slo.kind === "availability") {
    const failed = partOnGrid(rows, r, "failed");
    const total = partOnGrid(rows, r, "requests");
    return { total, bad: total.map((n, i) => (n === null ? null : (failed[i] ?? 0))) };
  }
  const total = partOnGrid(rows, r, "bucket", INF);
  const good = partOnGrid(rows, r, "bucket", slo.boundary?.le);
  // A bucket's rate never exceeds the count's; the clamp keeps extrapolation noise from making it negative.
  const bad = total.map((n, i) => {
    const g = good[i] ?? null;
    return n === null || g === null ? null : Math.max(0, n - g);
  });
  return { total, bad };
}

/** Good ÷ total at each point; null where no request came (or the part is missing). */
function sliValues(rows: readonly RangeSeries[], r: QueryRange, slo: ResolvedSlo): Values {
  const { total, bad } = totalAndBad(rows, r, slo);
  return total.map((n, i) => {
    const b = bad[i] ?? null;
    return n === null || !(n > 0) || b === null ? null : 1 - b / n;
  });
}

/** Per-step counts from per-second rates over each step: rate × step is the step's increase. */
function stepCounts(rows: readonly RangeSeries[], grid: QueryRange, slo: ResolvedSlo): StepCounts {
  const { total, bad } = totalAndBad(rows, grid, slo);
  return {
    grid,
    total: total.map((n) => (n ?? 0) * grid.step),
    bad: bad.map((b) => (b ?? 0) * grid.step),
  };
}

/** The `le` values the SLOs read: each latency SLO's boundary, and +Inf (the count) where there is one. */
function boundaryLes(slos: readonly ResolvedSlo[]): string[] {
  const les = new Set(slos.flatMap((s) => (s.kind === "latency" && s.boundary ? [s.boundary.le] : [])));
  return les.size ? [...les, INF] : [];
}

/** Whether an SLO can be measured: a latency SLO needs a bucket boundary at or below its threshold. */
const measurable = (s: ResolvedSlo) => s.kind === "availability" || s.boundary !== null;

/**
 * The SLI over the page's range (at its step and series window) and the burndown over the period
 * ending at `t.at` of each of one service's SLOs (all of `slos` must be that service's, under its
 * owning convention). A latency SLO without a boundary gets neither. The burndown's points are on a
 * grid of period ÷ 120 counted from Monday 1970-01-05 UTC, the last at or before `at`, so that every
 * ask within a step shares one cached query; it reads 2 periods (31 days + a period for 30d) of this
 * service's series: bounded by the configured period, not by the page's range.
 */
export async function sloSeries(
  deps: SignalDeps,
  t: QueryTimes,
  slos: readonly ResolvedSlo[],
  fresh: FreshnessTracker,
): Promise<Map<SloKind, SloSeries>> {
  const out = new Map<SloKind, SloSeries>();
  const read = slos.filter(measurable);
  const [first] = read;
  if (!first) return out;
  const { id, convention: c } = first;
  const others = read.filter((s) => serviceKey(s.id) !== serviceKey(id) || s.convention.name !== c.name);
  if (others.length)
    throw new Error(`sloSeries reads one service's SLOs: ${serviceKey(others[0]?.id ?? id)} is another`);
  const les = boundaryLes(read);
  const range = (window: number, r: QueryRange) =>
    deps.upstream.range(conventionSloWindow(c, window, les, id), r).then((a) => fresh.take(a));
  // A service's SLOs share its period (resolve.ts); one burndown query per period all the same.
  const plans = [...new Set(read.map((s) => s.period))].map((period) => ({ period, plan: burndownPlan(t.at, period) }));
  const [sliRows, ...countRows] = await Promise.all([
    range(t.window, t.range),
    ...plans.map(({ plan }) => range(plan.counts.step, plan.counts)),
  ]);
  for (const slo of read) {
    const i = plans.findIndex((p) => p.period === slo.period);
    const plan = plans[i]?.plan;
    if (!plan) continue;
    const counts = stepCounts(countRows[i] ?? [], plan.counts, slo);
    out.set(slo.kind, {
      sli: { start: t.range.start, step: t.range.step, values: sliValues(sliRows, t.range, slo) },
      burndown: {
        start: plan.axis.start,
        step: plan.axis.step,
        rolling: rollingBudget(counts, plan.axis, slo.period, slo.objective),
        calendar: calendarBudget(counts, plan.axis, slo.period, slo.objective),
        calendarStart: calendarStart(t.at, slo.period),
      },
    });
  }
  return out;
}
