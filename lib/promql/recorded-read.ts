// Reading signalboard's recorded series (lib/promql/recorded.ts) in place of the raw ones, to the
// same definitions and with the same labels as lib/promql/red.ts's normalised per-service answers,
// so a recorded part and a raw part join with `or` into one query.
import type { Convention } from "@/lib/config/schema";
import { formatDuration } from "@/lib/time/parse-time";
import { byLabels, selector, type Matcher } from "./escape";
import { anyOf, CONVENTION, NAMESPACE, SERVICE, setLabel } from "./labels";
import { OUTCOME, recordedBuckets, recordedRequests, RULES_EVALUATED } from "./recorded";
import {
  failedRequestRateByService,
  outcomeOf,
  measuring,
  latencyBucketsByService,
  latencyQuantileByService,
  latencyQuantilesByService,
  errorRatioByService,
  measuresLatencyOf,
  QUANTILES,
  requestRateByService,
  type LatencyOutcome,
  type Outcome,
  type Quantile,
  type RedScope,
} from "./red";

/** Which conventions a query reads from recorded series, and the window those were recorded at. */
export interface RecordedReading {
  conventions: ReadonlySet<string>;
  /** RecordingOptions.windowSeconds: the rate window of the recorded series. */
  ruleWindow: number;
}

const IDENTITY = [SERVICE, NAMESPACE, CONVENTION];

/**
 * A convention's recorded series of one outcome ("all": every outcome it records), for one service
 * where the scope names one: `namespace=""` matches the series of a convention without a namespace label.
 */
function recordedSelector(metric: string, c: Convention, scope: RedScope, outcome: Outcome): string {
  const m: Matcher[] = [{ label: CONVENTION, op: "=", value: c.name }];
  if (outcome !== "all") m.push({ label: OUTCOME, op: "=", value: outcome });
  if (scope.service) {
    m.push({ label: SERVICE, op: "=", value: scope.service.name });
    m.push({ label: NAMESPACE, op: "=", value: scope.service.namespace ?? "" });
  }
  return selector(metric, m);
}

/**
 * The recorded rates of convention `c` over the window asked. At the rule's own window the series are
 * read as they are. Over a longer one (a range's step outgrew it) a rate over the long window is the
 * mean of the short-window rates of every evaluation within it: their sum divided by how many times the
 * convention's rules ran there (its marker's count), not `avg_over_time`, which divides by the samples a
 * series has and so overstates one that began within the window (a service's first error, a new status
 * class). Ratios and quantiles are then computed from those rates, never averaged themselves. A shorter
 * window cannot be read from the recording: a caller's bug.
 */
function overWindow(expr: string, c: Convention, scope: RedScope, ruleWindow: number): string {
  if (scope.window < ruleWindow)
    throw new Error(`a ${scope.window} s window cannot be read from rates recorded over ${ruleWindow} s`);
  if (scope.window === ruleWindow) return expr;
  const w = formatDuration(scope.window);
  const runs = `count_over_time(${selector(RULES_EVALUATED, [{ label: CONVENTION, op: "=", value: c.name }])}[${w}])`;
  return `sum_over_time(${expr}[${w}]) / scalar(max(${runs}))`;
}

/** Requests per second of one convention by service, recorded: its outcomes and status classes summed. */
export function recordedRequestRate(c: Convention, scope: RedScope, ruleWindow: number, outcome: Outcome = "all") {
  const sel = recordedSelector(recordedRequests(ruleWindow), c, scope, outcome);
  return `sum ${byLabels(IDENTITY)} (${overWindow(sel, c, scope, ruleWindow)})`;
}

/** Failed / all of one convention by service, recorded: conventionErrorRatio's form, with its `or` filling 0. */
export function recordedErrorRatio(c: Convention, scope: RedScope, ruleWindow: number): string {
  const all = recordedRequestRate(c, scope, ruleWindow);
  return `(${recordedRequestRate(c, scope, ruleWindow, "failure")} or 0 * ${all}) / ${all}`;
}

/** Bucket rates of one convention by service and `le`, recorded, in the convention's unit ("all": success and failure summed). */
export function recordedLatencyBuckets(c: Convention, scope: RedScope, ruleWindow: number, outcome: Outcome): string {
  if (!measuresLatencyOf(c, outcome))
    throw new Error(`convention ${c.name} has no status label on ${c.duration} to split latency by outcome`);
  const sel = recordedSelector(recordedBuckets(ruleWindow), c, scope, outcome);
  return `sum ${byLabels([...IDENTITY, "le"])} (${overWindow(sel, c, scope, ruleWindow)})`;
}

/** One latency percentile of one convention by service in seconds, recorded, tagged with its `quantile`. */
export function recordedLatencyQuantile(
  c: Convention,
  scope: RedScope,
  ruleWindow: number,
  q: Quantile,
  outcome: Outcome,
): string {
  const quantile = `histogram_quantile(${q}, ${recordedLatencyBuckets(c, scope, ruleWindow, outcome)})`;
  return setLabel(c.durationUnit === "milliseconds" ? `${quantile} / 1000` : quantile, "quantile", String(q));
}

/** p50, p90 and p99 of one convention in one expression, recorded. */
export function recordedLatencyQuantiles(c: Convention, scope: RedScope, ruleWindow: number, outcome: Outcome) {
  return QUANTILES.map((q) => recordedLatencyQuantile(c, scope, ruleWindow, q, outcome)).join(" or ");
}

/**
 * One query over several conventions: the recorded part (those in `reading`) `or` the raw part (the
 * others, built by red.ts), so that reading some conventions from recorded series never adds a query.
 */
export function recordedOrRaw(
  conventions: readonly Convention[],
  reading: RecordedReading,
  recorded: (c: Convention) => string,
  raw: (cs: Convention[]) => string,
): string {
  const rec = conventions.filter((c) => reading.conventions.has(c.name));
  const rest = conventions.filter((c) => !reading.conventions.has(c.name));
  if (rec.length === 0) return raw(rest);
  return anyOf([...rec.map(recorded), ...(rest.length ? [raw(rest)] : [])]);
}

/** requestRateByService, reading the conventions in `reading` from recorded series. */
export function requestRateRead(conventions: readonly Convention[], scope: RedScope, reading: RecordedReading) {
  return recordedOrRaw(
    conventions,
    reading,
    (c) => recordedRequestRate(c, scope, reading.ruleWindow),
    (cs) => requestRateByService(cs, scope),
  );
}

/** failedRequestRateByService, reading the conventions in `reading` from recorded series. */
export function failedRequestRateRead(conventions: readonly Convention[], scope: RedScope, reading: RecordedReading) {
  return recordedOrRaw(
    conventions,
    reading,
    (c) => recordedRequestRate(c, scope, reading.ruleWindow, "failure"),
    (cs) => failedRequestRateByService(cs, scope),
  );
}

/** errorRatioByService, reading the conventions in `reading` from recorded series. */
export function errorRatioRead(conventions: readonly Convention[], scope: RedScope, reading: RecordedReading) {
  return recordedOrRaw(
    conventions,
    reading,
    (c) => recordedErrorRatio(c, scope, reading.ruleWindow),
    (cs) => errorRatioByService(cs, scope),
  );
}

/** The conventions that measure latency of `outcome`, as red.ts leaves the others out. */
const measuredBy = (conventions: readonly Convention[], o: LatencyOutcome) => measuring(conventions, o).map(([c]) => c);

/** latencyBucketsByService, reading the conventions in `reading` from recorded series. */
export function latencyBucketsRead(
  conventions: readonly Convention[],
  scope: RedScope,
  outcome: Exclude<LatencyOutcome, "all">,
  reading: RecordedReading,
): string {
  return recordedOrRaw(
    measuredBy(conventions, outcome),
    reading,
    (c) => recordedLatencyBuckets(c, scope, reading.ruleWindow, outcomeOf(c, outcome)),
    (cs) => latencyBucketsByService(cs, scope, outcome),
  );
}

/** latencyQuantilesByService, reading the conventions in `reading` from recorded series. */
export function latencyQuantilesRead(
  conventions: readonly Convention[],
  scope: RedScope,
  outcome: LatencyOutcome,
  reading: RecordedReading,
): string {
  return recordedOrRaw(
    measuredBy(conventions, outcome),
    reading,
    (c) => recordedLatencyQuantiles(c, scope, reading.ruleWindow, outcomeOf(c, outcome)),
    (cs) => latencyQuantilesByService(cs, scope, outcome),
  );
}

/** latencyQuantileByService, reading the conventions in `reading` from recorded series. */
export function latencyQuantileRead(
  conventions: readonly Convention[],
  scope: RedScope,
  q: Quantile,
  outcome: LatencyOutcome,
  reading: RecordedReading,
): string {
  return recordedOrRaw(
    measuredBy(conventions, outcome),
    reading,
    (c) => recordedLatencyQuantile(c, scope, reading.ruleWindow, q, outcomeOf(c, outcome)),
    (cs) => latencyQuantileByService(cs, scope, q, outcome),
  );
}

/** The label that tells the two halves of rulesRuns' answer apart. */
export const BOUND = "bound";

/**
 * Since when each convention's rules (by `definition`) have run within `sinceSeconds` (the marker's
 * first value, `bound="since"`) and when they last ran within `lastSeconds` (its last, `bound="last"`):
 * one question, naming no service. `marker`: the recorded signals' (default) or the SLO rules'.
 */
export function rulesRuns(sinceSeconds: number, lastSeconds: number, marker = RULES_EVALUATED): string {
  const since = setLabel(`min_over_time(${marker}[${formatDuration(sinceSeconds)}])`, BOUND, "since");
  const last = setLabel(`last_over_time(${marker}[${formatDuration(lastSeconds)}])`, BOUND, "last");
  return `${since} or ${last}`;
}
