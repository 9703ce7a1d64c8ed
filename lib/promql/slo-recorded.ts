// The SLO recording rules signalboard writes for itself (names fixed in the SLO plan) and the reads
// of them that answer exactly as lib/promql/slo.ts's raw conventionSloWindow does, so a recorded
// convention and a raw one join with `or` into one query per window. Written and read here only.
import type { Config, Convention, SloPeriod } from "@/lib/config/schema";
import { BURN_WINDOWS } from "@/lib/model/slo-types";
import { periodSeconds, windowSeconds as burnWindowSeconds } from "@/lib/slo/definitions";
import { configuredPeriods, configuredThresholds, type ResolvedSlo } from "@/lib/slo/resolve";
import { effectiveBoundary } from "@/lib/slo/threshold";
import { parseLe } from "@/lib/signals/histogram";
import { formatDuration } from "@/lib/time/parse-time";
import { byLabels, selector, type Matcher } from "./escape";
import { anyOf, CONVENTION, NAMESPACE, SERVICE, setLabel, withIdentityLabels } from "./labels";
import { definitionHash, DEFINITION, OUTCOME, type RecordingRule, type RuleGroup } from "./recorded";
import { recordedOrRaw, rulesRuns } from "./recorded-read";
import { conventionLatencyBuckets, conventionRequestRate, leMatcher, type Outcome } from "./red";
import { SLO_PART, sloWindowRaw, type SloBoundaries } from "./slo";

/** The burn windows' rates are recorded every minute: a recorded rate is at most a minute old. */
export const SLO_RULES_INTERVAL_SECONDS = 60;
/** The period sums are recomputed every 5 minutes: each sums 43,200 samples a series over 30 days. */
export const SLO_PERIOD_INTERVAL_SECONDS = 300;
/** The recorded rate the period's increase is summed from. */
const PERIOD_SOURCE_WINDOW = 3600;
/** The burn windows recorded as rates, 5m to 3d. */
export const SLO_RATE_WINDOWS: readonly number[] = BURN_WINDOWS.map(burnWindowSeconds);

/** Requests per second over a burn window by identity, outcome "all" or "failure" (0 where none failed). */
export const sloRequests = (w: number) => `signalboard_slo:requests:rate${formatDuration(w)}`;
/** Bucket rates of the duration histogram over a burn window by identity and `le` (SLO boundaries and +Inf). */
export const sloBuckets = (w: number) => `signalboard_slo:request_duration_bucket:rate${formatDuration(w)}`;
/** Requests over a period by identity and outcome. */
export const sloRequestsIncrease = (p: number) => `signalboard_slo:requests:increase${formatDuration(p)}`;
/** Bucket counts over a period by identity and `le`. */
export const sloBucketsIncrease = (p: number) => `signalboard_slo:request_duration_bucket:increase${formatDuration(p)}`;
/** One series per convention whose value is its SLO rules' evaluation instant, labelled with their `definition`. */
export const SLO_RULES_EVALUATED = "signalboard_slo:rules:evaluation_timestamp_seconds";

/** What a convention's SLO rules record: the `le` values read (SLO boundaries, then +Inf) and the periods in use. */
export interface SloRecording {
  les: readonly string[];
  periods: readonly SloPeriod[];
}

/**
 * Each convention's recording from its SLOs (resolveSlos), in a stable order so that the same SLOs
 * always give the same definition hash: the rules' writer and the reader both derive it from here.
 */
export function sloRecordings(slos: readonly Pick<ResolvedSlo, "convention" | "period" | "boundary">[]) {
  const out = new Map<string, { convention: Convention; les: Set<string>; periods: Set<SloPeriod> }>();
  for (const s of slos) {
    const r = out.get(s.convention.name) ?? { convention: s.convention, les: new Set(), periods: new Set() };
    out.set(s.convention.name, r);
    r.periods.add(s.period);
    if (s.boundary) r.les.add(s.boundary.le);
  }
  return new Map(
    [...out].map(([name, r]): [string, SloRecording & { convention: Convention }] => {
      const les = [...r.les].sort((a, b) => (parseLe(a) ?? 0) - (parseLe(b) ?? 0));
      const periods = [...r.periods].sort((a, b) => periodSeconds(a) - periodSeconds(b));
      return [name, { convention: r.convention, les: les.length ? [...les, "+Inf"] : [], periods }];
    }),
  );
}

/**
 * Each convention's recording from the configuration, not from the services discovered: every
 * configured threshold's boundary among the convention's `le` values (bucketBoundaries) and every
 * configured period. The rule file's writer and the reader derive the definition hash from it, so a
 * service that comes or goes (or is quiet within a page's lookback) never makes the rules look foreign.
 */
export function configuredRecordings(
  cfg: Config,
  conventions: readonly Convention[],
  les: ReadonlyMap<string, readonly string[]>,
) {
  const thresholds = configuredThresholds(cfg);
  return sloRecordings(
    conventions.flatMap((convention) =>
      configuredPeriods(cfg).flatMap((period) => [
        { convention, period, boundary: null },
        ...thresholds.map((t) => ({
          convention,
          period,
          boundary: effectiveBoundary(t, les.get(convention.name) ?? [], convention),
        })),
      ]),
    ),
  );
}

/** The `le` values each convention's SLO windows read: sloWindowRaw's and sloWindowRead's `boundaries`. */
export function sloBoundaries(recordings: ReadonlyMap<string, SloRecording>): SloBoundaries {
  return new Map([...recordings].map(([name, r]) => [name, r.les]));
}

const identity = (c: Convention) => (c.namespaceLabel ? [SERVICE, NAMESPACE] : [SERVICE]);

/** red.ts's request rate of one outcome, summed by `service` (and `namespace`). */
function requestsExpr(c: Convention, w: number, outcome: Outcome): string {
  return `sum ${byLabels(identity(c))} (${withIdentityLabels(conventionRequestRate(c, { window: w }, [], outcome), c)})`;
}

/** The rules of one burn window: requests, failures filled with 0 where requests came, buckets at `les`. */
function windowRules(c: Convention, w: number, les: readonly string[]): RecordingRule[] {
  const all = requestsExpr(c, w, "all");
  const buckets = () =>
    `sum ${byLabels([...identity(c), "le"])} (${withIdentityLabels(conventionLatencyBuckets(c, { window: w }, "all", les), c)})`;
  return [
    { record: sloRequests(w), expr: all, labels: { convention: c.name, [OUTCOME]: "all" } },
    {
      record: sloRequests(w),
      expr: `${requestsExpr(c, w, "failure")} or 0 * ${all}`,
      labels: { convention: c.name, [OUTCOME]: "failure" },
    },
    ...(les.length ? [{ record: sloBuckets(w), expr: buckets(), labels: { convention: c.name } }] : []),
  ];
}

/**
 * The increase over a period, traffic-weighted from the recorded 1h rates (never an average of
 * ratios): a request adds 1/3600 to each of the sixty 1h samples (one a minute) that include it,
 * so the samples' sum × 60 counts it once.
 */
function periodRules(c: Convention, r: SloRecording): RecordingRule[] {
  const sum = (metric: string, p: number) =>
    `sum_over_time(${selector(metric, [{ label: CONVENTION, op: "=", value: c.name }])}[${formatDuration(p)}]) * ${SLO_RULES_INTERVAL_SECONDS}`;
  // The series keep their convention label anyway; naming it tells promtool the conventions' rules apart.
  const labels = { convention: c.name };
  return r.periods.flatMap((period) => {
    const p = periodSeconds(period);
    return [
      { record: sloRequestsIncrease(p), expr: sum(sloRequests(PERIOD_SOURCE_WINDOW), p), labels },
      ...(r.les.length
        ? [{ record: sloBucketsIncrease(p), expr: sum(sloBuckets(PERIOD_SOURCE_WINDOW), p), labels }]
        : []),
    ];
  });
}

const SLO_HASH_OPTIONS = {
  intervalSeconds: SLO_RULES_INTERVAL_SECONDS,
  periodIntervalSeconds: SLO_PERIOD_INTERVAL_SECONDS,
};

/** The hash of a convention's SLO rules (windows and periods): the marker's `definition`, what the reader trusts. */
export function sloDefinition(c: Convention, r: SloRecording): string {
  const rules = [...SLO_RATE_WINDOWS.flatMap((w) => windowRules(c, w, r.les)), ...periodRules(c, r)];
  return definitionHash(rules, SLO_HASH_OPTIONS);
}

/**
 * Two groups per convention: `signalboard-slo-<convention>` (every minute: each burn window's rates,
 * then the marker, so a marker at an instant means the rates were recorded then) and
 * `signalboard-slo-<convention>-period` (every 5 minutes: the increase over each period in use).
 */
export function sloRecordingGroups(recordings: ReadonlyMap<string, SloRecording & { convention: Convention }>) {
  return [...recordings.values()].flatMap(({ convention: c, ...r }): RuleGroup[] => [
    {
      name: `signalboard-slo-${c.name}`,
      interval: SLO_RULES_INTERVAL_SECONDS,
      rules: [
        ...SLO_RATE_WINDOWS.flatMap((w) => windowRules(c, w, r.les)),
        {
          record: SLO_RULES_EVALUATED,
          expr: "vector(time())",
          labels: { convention: c.name, [DEFINITION]: sloDefinition(c, r) },
        },
      ],
    },
    { name: `signalboard-slo-${c.name}-period`, interval: SLO_PERIOD_INTERVAL_SECONDS, rules: periodRules(c, r) },
  ]);
}

const READ_IDENTITY = [SERVICE, NAMESPACE, CONVENTION];

/** Whether a window is one of the periods (recorded as increases) rather than a burn window (recorded as rates). */
function isPeriod(windowSeconds: number): boolean {
  if (SLO_RATE_WINDOWS.includes(windowSeconds)) return false;
  if ((["30d", "28d", "7d"] as const).some((p) => periodSeconds(p) === windowSeconds)) return true;
  throw new Error(`no SLO rule records a ${windowSeconds} s window`);
}

/**
 * conventionSloWindow read from the recorded series: the same parts, labels and per-second rates. A
 * burn window reads its recorded rates; a period its recorded increase ÷ the period, the newest within
 * two evaluations (a 5-minute group's sample can be just older than the 5-minute lookback).
 */
export function recordedSloWindow(c: Convention, windowSeconds: number, les?: readonly string[]): string {
  const period = isPeriod(windowSeconds);
  const read = (metric: string, m: Matcher[], by: string[]) => {
    const sel = selector(metric, [{ label: CONVENTION, op: "=", value: c.name }, ...m]);
    if (!period) return `sum ${byLabels(by)} (${sel})`;
    const last = `last_over_time(${sel}[${formatDuration(2 * SLO_PERIOD_INTERVAL_SECONDS)}])`;
    return `sum ${byLabels(by)} (${last}) / ${windowSeconds}`;
  };
  const requests = period ? sloRequestsIncrease(windowSeconds) : sloRequests(windowSeconds);
  const buckets = period ? sloBucketsIncrease(windowSeconds) : sloBuckets(windowSeconds);
  const outcome = (o: string): Matcher[] => [{ label: OUTCOME, op: "=", value: o }];
  return anyOf([
    setLabel(read(requests, outcome("all"), READ_IDENTITY), SLO_PART, "requests"),
    setLabel(read(requests, outcome("failure"), READ_IDENTITY), SLO_PART, "failed"),
    ...(les?.length ? [setLabel(read(buckets, [leMatcher(les)], [...READ_IDENTITY, "le"]), SLO_PART, "bucket")] : []),
  ]);
}

/** sloWindowRaw, reading the conventions in `recorded` from the SLO rules: still one query for the window. */
export function sloWindowRead(
  conventions: readonly Convention[],
  windowSeconds: number,
  boundaries: SloBoundaries,
  recorded: ReadonlySet<string>,
): string {
  return recordedOrRaw(
    conventions,
    { conventions: recorded, ruleWindow: windowSeconds },
    (c) => recordedSloWindow(c, windowSeconds, boundaries.get(c.name)),
    (cs) => sloWindowRaw(cs, windowSeconds, boundaries),
  );
}

/** Since when and till when each convention's SLO rules (by definition) ran: one question naming no service. */
export function sloRulesRuns(sinceSeconds: number, lastSeconds: number): string {
  return rulesRuns(sinceSeconds, lastSeconds, SLO_RULES_EVALUATED);
}

/** The SLO an alert expression is about: its service, convention, kind and boundary. */
export type AlertedSlo = Pick<ResolvedSlo, "id" | "convention" | "kind" | "boundary">;

/**
 * One SLO's error ratio over a burn window from the recorded rates: failed ÷ all, or for latency
 * (the +Inf bucket − the boundary's) ÷ the +Inf bucket. Null for a latency SLO without a boundary.
 */
export function recordedSloErrorRatio(slo: AlertedSlo, w: number): string | null {
  const m = (extra: Matcher[]): Matcher[] => [
    { label: CONVENTION, op: "=", value: slo.convention.name },
    { label: NAMESPACE, op: "=", value: slo.id.namespace ?? "" },
    { label: SERVICE, op: "=", value: slo.id.name },
    ...extra,
  ];
  if (slo.kind === "availability") {
    const of = (o: Outcome) => selector(sloRequests(w), m([{ label: OUTCOME, op: "=", value: o }]));
    return `${of("failure")} / ignoring (${OUTCOME}) ${of("all")}`;
  }
  if (!slo.boundary) return null;
  const le = (v: string) => selector(sloBuckets(w), m([{ label: "le", op: "=", value: v }]));
  return `(${le("+Inf")} - ignoring (le) ${le(slo.boundary.le)}) / ignoring (le) ${le("+Inf")}`;
}

/** A multi-window burn-rate condition: the error ratio above `threshold` over both windows. */
export function burnAlertExpr(slo: AlertedSlo, longSeconds: number, shortSeconds: number, threshold: string) {
  const long = recordedSloErrorRatio(slo, longSeconds);
  const short = recordedSloErrorRatio(slo, shortSeconds);
  return long === null || short === null ? null : `${long} > ${threshold} and ${short} > ${threshold}`;
}
