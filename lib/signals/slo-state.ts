// An SLO's state at an instant from the window answers:
// error ratios, burn rates, budget, events and the burn-rate pairs, every formula from
// lib/slo/definitions.ts. Pure: the answers are asked for in lib/signals/slos.ts.
import { combineSources } from "@/lib/model/signal-source";
import { BURN_WINDOWS, type BurnWindow, type Slo, type SloEvents } from "@/lib/model/slo-types";
import { serviceKey } from "@/lib/identity/service-identity";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import { SLO_PART } from "@/lib/promql/slo";
import {
  BURN_PAIRS,
  budgetRemaining,
  burnFactor,
  burnRate,
  errorBudget,
  factorCanFire,
  isLowTraffic,
  periodSeconds,
  timeToExhaustion,
  windowSeconds,
} from "@/lib/slo/definitions";
import type { ResolvedSlo } from "@/lib/slo/resolve";
import { errorRatioOf } from "./current-values";
import { parseLe } from "./histogram";
import { ownedValues, type Owners } from "./ownership";

/** One service's SLO parts over one window: per-second rates. */
export interface SloRates {
  requests: number | null;
  failed: number | null;
  /** Bucket rates (all outcomes) by `le` as the upstream writes it. */
  buckets: Map<string, number>;
}

/** One window's answer: each owned service's rates by service key, and the conventions read from recorded series. */
export interface SloWindowAnswer {
  rates: Map<string, SloRates>;
  recorded: ReadonlySet<string>;
}

/** Each service's rates from one window query's series, from its owning convention's series only. */
export function sloRatesByService(series: readonly InstantSeries[], owners: Owners): Map<string, SloRates> {
  const out = new Map<string, SloRates>();
  for (const [key, owned] of ownedValues(series, owners)) {
    const r: SloRates = { requests: null, failed: null, buckets: new Map() };
    for (const s of owned) {
      if (s.value === null) continue;
      const part = s.labels[SLO_PART];
      if (part === "requests") r.requests = s.value;
      else if (part === "failed") r.failed = s.value;
      else if (part === "bucket" && s.labels.le !== undefined) r.buckets.set(s.labels.le, s.value);
    }
    out.set(key, r);
  }
  return out;
}

/** The histogram's count rate: the +Inf bucket, however the upstream spells it. */
function infBucket(buckets: ReadonlyMap<string, number>): number | null {
  for (const [le, v] of buckets) if (parseLe(le) === Infinity) return v;
  return null;
}

/** Bad and total rates of one SLO: failed / all requests, or (+Inf − le=boundary) / +Inf. */
function badAndTotal(slo: ResolvedSlo, r: SloRates | undefined): { bad: number | null; total: number | null } {
  if (r === undefined) return { bad: null, total: null };
  if (slo.kind === "availability") return { bad: r.failed, total: r.requests };
  if (slo.boundary === null) return { bad: null, total: null };
  const total = infBucket(r.buckets);
  const good = r.buckets.get(slo.boundary.le);
  return { bad: total === null || good === undefined ? null : total - good, total };
}

/** The SLO error ratio errorRatio(w): bad rate ÷ total rate, null without requests (or without a bad rate to divide). */
export function sloErrorRatio(slo: ResolvedSlo, r: SloRates | undefined): number | null {
  const { bad, total } = badAndTotal(slo, r);
  return bad === null ? null : errorRatioOf(total, bad);
}

/** Requests over the period (rate × period); null without a total rate. */
function periodRequests(slo: ResolvedSlo, r: SloRates | undefined): number | null {
  const { total } = badAndTotal(slo, r);
  return total === null ? null : total * periodSeconds(slo.period);
}

/** Requests and bad requests over the period (rate × period), and the bad ones the objective allows. */
export function sloEvents(slo: ResolvedSlo, r: SloRates | undefined): SloEvents | null {
  const { bad } = badAndTotal(slo, r);
  const events = periodRequests(slo, r);
  // No bad count (a latency SLO whose boundary bucket this service lacks): no events, not "0 spent".
  if (events === null || bad === null) return null;
  return { total: events, bad: bad * periodSeconds(slo.period), allowedBad: errorBudget(slo.objective) * events };
}

/**
 * Why a latency SLO has no values, or nothing. `les`: the convention's bucket boundaries upstream;
 * `r`: this service's rates over the period, whose histogram may lack the boundary its convention has.
 */
function notesOf(slo: ResolvedSlo, les: readonly string[], r: SloRates | undefined): string[] {
  if (slo.kind !== "latency") return [];
  const bucket = `${slo.convention.duration}_bucket`;
  if (slo.boundary === null)
    return les.length === 0
      ? [`no ${bucket} series upstream: latency cannot be measured`]
      : [`no ${bucket} boundary at or below the threshold of ${slo.requestedThresholdSeconds} s`];
  if (r !== undefined && r.buckets.size > 0 && !r.buckets.has(slo.boundary.le))
    return [`this service's ${bucket} has no le="${slo.boundary.le}" bucket: latency against it cannot be measured`];
  return [];
}

/**
 * One SLO's state from the window answers (by window length in seconds: every burn window and the
 * SLO's period). `les`: its convention's bucket boundaries upstream, to say why a latency SLO has no values.
 */
export function sloState(slo: ResolvedSlo, windows: ReadonlyMap<number, SloWindowAnswer>, les: readonly string[]): Slo {
  const key = serviceKey(slo.id);
  const ratioOver = (seconds: number) => sloErrorRatio(slo, windows.get(seconds)?.rates.get(key));
  const burnRates = Object.fromEntries(
    BURN_WINDOWS.map((w) => [w, burnRate(ratioOver(windowSeconds(w)), slo.objective)]),
  ) as Record<BurnWindow, number | null>;
  const period = periodSeconds(slo.period);
  const errorRatio = ratioOver(period);
  const remaining = budgetRemaining(errorRatio, slo.objective);
  const events = sloEvents(slo, windows.get(period)?.rates.get(key));
  const exceeds = (b: number | null, factor: number) => b !== null && b > factor;
  const read = [...BURN_WINDOWS.map(windowSeconds), period].map((w) =>
    windows.get(w)?.recorded.has(slo.convention.name) ? ("recorded" as const) : ("raw" as const),
  );
  return {
    service: slo.id.name,
    namespace: slo.id.namespace ?? "",
    kind: slo.kind,
    objective: slo.objective,
    periodSeconds: period,
    default: slo.default,
    alerting: slo.alerting,
    thresholdSeconds: slo.boundary?.seconds ?? null,
    requestedThresholdSeconds: slo.requestedThresholdSeconds,
    errorRatio,
    budgetRemaining: remaining,
    events,
    burnRates,
    alerts: BURN_PAIRS.map((p) => {
      const factor = burnFactor(p, slo.period);
      return {
        severity: p.severity,
        long: p.long,
        short: p.short,
        factor,
        firing: exceeds(burnRates[p.long], factor) && exceeds(burnRates[p.short], factor),
        canFire: factorCanFire(factor, slo.objective),
      };
    }),
    timeToExhaustionSeconds: timeToExhaustion(remaining, burnRates["1h"], period),
    // From the requests alone: a service whose bad count is unknown is not thereby low-traffic.
    lowTraffic: isLowTraffic(periodRequests(slo, windows.get(period)?.rates.get(key)), slo.objective),
    signalSource: combineSources(read),
    notes: notesOf(slo, les, windows.get(period)?.rates.get(key)),
  };
}

/**
 * Worst budget first: SLOs with a budget and enough traffic by budget left, lowest first; then the
 * low-traffic ones (their budget is noise, not red), then those without a budget (no requests, or no
 * boundary to measure latency by); ties by service, namespace and kind, so the order is stable.
 */
export function compareSlos(a: Slo, b: Slo): number {
  const rank = (s: Slo) => {
    if (s.budgetRemaining === null) return 2;
    return s.lowTraffic ? 1 : 0;
  };
  return (
    rank(a) - rank(b) ||
    (a.budgetRemaining ?? 0) - (b.budgetRemaining ?? 0) ||
    a.service.localeCompare(b.service) ||
    a.namespace.localeCompare(b.namespace) ||
    a.kind.localeCompare(b.kind)
  );
}
