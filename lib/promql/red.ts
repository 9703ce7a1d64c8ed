import type { Convention } from "@/lib/config/schema";
import type { ServiceId } from "@/lib/identity/service-identity";
import { formatDuration } from "@/lib/time/parse-time";
import { byLabels, equalityMatchers, selector, type Matcher } from "./escape";
import { anyOf, byService, normalizeServiceLabels, setLabel } from "./labels";

/** Which requests a latency query looks at: all, only successful, or only failed ones. */
export type Outcome = "all" | "success" | "failure";

/** Percentiles we report; each is computed from the histogram, never averaged. */
export const QUANTILES = [0.5, 0.9, 0.99] as const;
export type Quantile = (typeof QUANTILES)[number];

export interface RedScope {
  /** The rate window in seconds. */
  window: number;
  /** Restrict to one service: its name, and its namespace wherever the convention has a namespace label. */
  service?: ServiceId;
}

/** The series a convention keeps: its `matchers` (reporter="destination"), less its `exclude` (WATCH, exec…). */
export function conventionMatchers(c: Convention): Matcher[] {
  return [
    ...equalityMatchers(c.matchers),
    ...Object.keys(c.exclude)
      .sort()
      .map((label) => ({ label, op: "!~" as const, value: c.exclude[label] ?? "" })),
  ];
}

/**
 * The convention's own matchers, then the service's: its name, and its namespace where the
 * convention has a namespace label (`=""` for a service without one, which keeps same-named
 * services of every namespace out). A namespace the convention cannot match is a caller's bug.
 */
function baseMatchers(c: Convention, scope: RedScope): Matcher[] {
  const m = conventionMatchers(c);
  const s = scope.service;
  if (s === undefined) return m;
  m.push({ label: c.serviceLabel, op: "=", value: s.name });
  if (c.namespaceLabel) m.push({ label: c.namespaceLabel, op: "=", value: s.namespace ?? "" });
  else if (s.namespace)
    throw new Error(`convention ${c.name} has no namespace label to find namespace ${JSON.stringify(s.namespace)} by`);
  return m;
}

/**
 * Whether latency of this outcome can be measured by the convention: of all requests always, of
 * successful or failed ones only where the duration histogram has the status label. Elsewhere the
 * split is not measured (null), rather than every request counted as a success.
 */
export function measuresLatencyOf(c: Convention, outcome: Outcome): boolean {
  return outcome === "all" || c.durationHasStatus;
}

/** The latency a service's headline shows: of successful requests, or of all where the convention cannot tell. */
export function headlineOutcome(c: Convention): Outcome {
  return c.durationHasStatus ? "success" : "all";
}

/** An outcome, or "headline": each convention's headlineOutcome. */
export type LatencyOutcome = Outcome | "headline";

/** The outcome a latency query asks of a convention: its headline's, or the one named. */
export function outcomeOf(c: Convention, outcome: LatencyOutcome): Outcome {
  return outcome === "headline" ? headlineOutcome(c) : outcome;
}

/** The conventions that measure latency of `outcome`, each with the outcome it is asked for. */
export function measuring(conventions: readonly Convention[], outcome: LatencyOutcome): [Convention, Outcome][] {
  return conventions
    .map((c): [Convention, Outcome] => [c, outcomeOf(c, outcome)])
    .filter(([c, o]) => measuresLatencyOf(c, o));
}

function outcomeMatchers(c: Convention, outcome: Outcome): Matcher[] {
  if (outcome === "all") return [];
  return [{ label: c.statusLabel, op: outcome === "failure" ? "=~" : "!~", value: c.errorStatus }];
}

function rateOf(metric: string, matchers: Matcher[], window: number): string {
  return `rate(${selector(metric, matchers)}[${formatDuration(window)}])`;
}

/** Requests per second of one convention, summed by service (and `extraBy` labels). */
export function conventionRequestRate(
  c: Convention,
  scope: RedScope,
  extraBy: readonly string[] = [],
  outcome: Outcome = "all",
): string {
  return `sum ${byService(c, extraBy)} (${rateOf(c.requests, [...baseMatchers(c, scope), ...outcomeMatchers(c, outcome)], scope.window)})`;
}

/**
 * Failed / all requests of one convention by service: 0 where there were requests but no errors
 * (the `or` fills the missing error series), no value where there were no requests. For range
 * series; current values divide the two instant rates on the server (errorRatioOf in
 * lib/signals/current-values.ts), to the same definition: see docs/definitions.md.
 */
export function conventionErrorRatio(c: Convention, scope: RedScope): string {
  const all = conventionRequestRate(c, scope);
  const failed = conventionRequestRate(c, scope, [], "failure");
  return `(${failed} or 0 * ${all}) / ${all}`;
}

/** `le=~"0\\.5|\\+Inf"`: only these bucket boundaries, as the upstream writes them. */
export function leMatcher(les: readonly string[]): Matcher {
  return { label: "le", op: "=~", value: les.map((le) => le.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") };
}

/**
 * Bucket rates of one convention's duration histogram by service and `le`, in the convention's unit;
 * with `les`, of those boundaries only (an SLO's threshold and +Inf, not every bucket).
 */
export function conventionLatencyBuckets(
  c: Convention,
  scope: RedScope,
  outcome: Outcome,
  les?: readonly string[],
): string {
  if (!measuresLatencyOf(c, outcome))
    throw new Error(`convention ${c.name} has no status label on ${c.duration} to split latency by outcome`);
  const m = [...baseMatchers(c, scope), ...outcomeMatchers(c, outcome), ...(les ? [leMatcher(les)] : [])];
  return `sum ${byService(c, ["le"])} (${rateOf(`${c.duration}_bucket`, m, scope.window)})`;
}

/** One latency percentile of one convention by service, in seconds. */
export function conventionLatencyQuantile(c: Convention, scope: RedScope, q: Quantile, outcome: Outcome): string {
  const quantile = `histogram_quantile(${q}, ${conventionLatencyBuckets(c, scope, outcome)})`;
  return c.durationUnit === "milliseconds" ? `${quantile} / 1000` : quantile;
}

/** p50, p90 and p99 of one convention in one expression, told apart by a `quantile` label. */
export function conventionLatencyQuantiles(c: Convention, scope: RedScope, outcome: Outcome): string {
  return QUANTILES.map((q) => setLabel(conventionLatencyQuantile(c, scope, q, outcome), "quantile", String(q))).join(
    " or ",
  );
}

/** Requests per second by service across all conventions in use: one query. */
export function requestRateByService(conventions: readonly Convention[], scope: RedScope): string {
  return anyOf(conventions.map((c) => normalizeServiceLabels(conventionRequestRate(c, scope), c)));
}

/** Failed requests per second by service across all conventions in use: one query. No series where nothing failed. */
export function failedRequestRateByService(conventions: readonly Convention[], scope: RedScope): string {
  return anyOf(conventions.map((c) => normalizeServiceLabels(conventionRequestRate(c, scope, [], "failure"), c)));
}

/**
 * Bucket rates of the duration histogram by service and `le`, of failed requests or of each convention's
 * headline (successful, or all where the histogram has no status label; conventions that cannot measure
 * the outcome are left out):
 * the inner sum of docs/definitions.md's latency definition, from which the quantiles are computed on the
 * server (lib/signals/histogram.ts). Buckets stay in the convention's unit.
 */
export function latencyBucketsByService(
  conventions: readonly Convention[],
  scope: RedScope,
  outcome: Exclude<LatencyOutcome, "all">,
): string {
  return anyOf(
    measuring(conventions, outcome).map(([c, o]) => normalizeServiceLabels(conventionLatencyBuckets(c, scope, o), c)),
  );
}

/** One latency percentile in seconds by service across all conventions in use, tagged with its `quantile`: one query. */
export function latencyQuantileByService(
  conventions: readonly Convention[],
  scope: RedScope,
  q: Quantile,
  outcome: LatencyOutcome,
): string {
  return anyOf(
    measuring(conventions, outcome).map(([c, o]) =>
      normalizeServiceLabels(setLabel(conventionLatencyQuantile(c, scope, q, o), "quantile", String(q)), c),
    ),
  );
}

/** Error ratio (0..1) by service across all conventions in use: one query. */
export function errorRatioByService(conventions: readonly Convention[], scope: RedScope): string {
  return anyOf(conventions.map((c) => normalizeServiceLabels(conventionErrorRatio(c, scope), c)));
}

/** p50/p90/p99 latency in seconds by service across all conventions in use: one query. */
export function latencyQuantilesByService(
  conventions: readonly Convention[],
  scope: RedScope,
  outcome: LatencyOutcome,
): string {
  return anyOf(
    measuring(conventions, outcome).map(([c, o]) => normalizeServiceLabels(conventionLatencyQuantiles(c, scope, o), c)),
  );
}

/**
 * Every service that reported requests at some time in the lookback, whatever it does now: one
 * query, with no service name in it, so that it is the same question for every page and the
 * discovery a request is resolved against (a name nobody knows never reaches the upstream).
 * A service whose instances are all down has no rate, but must show as down, not vanish.
 */
export function servicesSeen(conventions: readonly Convention[], lookbackSeconds: number): string {
  const scope = { window: lookbackSeconds };
  return anyOf(
    conventions.map((c) =>
      normalizeServiceLabels(
        `group ${byService(c)} (last_over_time(${selector(c.requests, baseMatchers(c, scope))}[${formatDuration(lookbackSeconds)}]))`,
        c,
      ),
    ),
  );
}

/** Requests per second of one service split by one of its labels (status, route, instance). */
export function requestRateBy(c: Convention, scope: RedScope & { service: ServiceId }, label: string): string {
  return `sum ${byLabels([label])} (${rateOf(c.requests, baseMatchers(c, scope), scope.window)})`;
}
