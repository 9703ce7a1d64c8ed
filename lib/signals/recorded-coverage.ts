// Which conventions' recorded series cover a question: learnt from the rules' evaluation marker
// (RULES_EVALUATED in lib/promql/recorded.ts) with two instant queries that name no service, cached.
import type { Convention } from "@/lib/config/schema";
import type { ConventionRules, RulesState } from "@/lib/model/types";
import { UpstreamError } from "@/lib/prometheus/errors";
import { conventionDefinition, DEFINITION, type RecordingOptions } from "@/lib/promql/recorded";
import { BOUND, rulesRuns, type RecordedReading } from "@/lib/promql/recorded-read";
import { CONVENTION } from "@/lib/promql/labels";
import { recordingOptions } from "@/lib/rules/rule-file";
import { alignInstant, type QueryRange } from "@/lib/time/range";
import type { SignalDeps } from "./discovery";
import type { FreshnessTracker } from "./freshness";

/** When one definition of a convention's rules first and last ran (unix seconds), as the marker says. */
export interface RulesRun {
  since: number | null;
  last: number | null;
}

/** Marker answers by convention, then by definition. */
export type RulesRuns = Map<string, Map<string, RulesRun>>;

/** The rules' runs are asked about once a minute, for every page and viewer alike. */
const RUNS_GRANULARITY_SECONDS = 60;
/** How far back the last evaluation is looked for: rules not evaluated within it count as not installed. */
export const LAST_EVALUATION_LOOKBACK_SECONDS = 3600;
/** Evaluations a reader may miss before the rules count as stopped: a late or failed one is not a gap. */
const MISSED_EVALUATIONS = 2;

/** When the rules were asked about, and what the upstream answered. */
export interface RulesAnswer {
  /** Unix seconds: the instant of the question. */
  askedAt: number;
  runs: RulesRuns;
}

/** The marker's first and last values by convention and definition, from rulesRuns' answer. */
export function rulesRunsOf(rows: readonly { labels: Record<string, string>; value: number | null }[]): RulesRuns {
  const out: RulesRuns = new Map();
  for (const { labels, value } of rows) {
    const conv = labels[CONVENTION] ?? "";
    const def = labels[DEFINITION] ?? "";
    const byDef = out.get(conv) ?? new Map<string, RulesRun>();
    out.set(conv, byDef);
    const run = byDef.get(def) ?? { since: null, last: null };
    byDef.set(def, run);
    if (labels[BOUND] === "since") run.since = value;
    else if (labels[BOUND] === "last") run.last = value;
  }
  return out;
}

/**
 * The rules' runs as the upstream reports them about a minute before `nowSeconds` (one question,
 * cached a minute): since when over the maximum range, last evaluation over the last hour. An
 * upstream that fails to answer is read raw: coverage never fails a page that raw series can answer.
 */
export async function fetchRulesRuns(
  deps: SignalDeps,
  fresh: FreshnessTracker,
  nowSeconds: number,
): Promise<RulesAnswer> {
  const maxRange = Math.round(deps.cfg.limits.maxRangeDays * 86_400);
  return fetchMarkerRuns(deps, fresh, nowSeconds, rulesRuns(maxRange, LAST_EVALUATION_LOOKBACK_SECONDS));
}

/** fetchRulesRuns' question and caching for any marker's rulesRuns query `q` (the SLO rules' too). */
export async function fetchMarkerRuns(
  deps: SignalDeps,
  fresh: FreshnessTracker,
  nowSeconds: number,
  q: string,
): Promise<RulesAnswer> {
  const minute = alignInstant(nowSeconds, RUNS_GRANULARITY_SECONDS);
  try {
    // The previous minute's answer is given at once while this minute's is asked: a request never
    // waits on this question once it has been answered (a hung upstream would make it wait twice).
    const answer = await deps.upstream.instant(q, minute, RUNS_GRANULARITY_SECONDS * 1000, {
      revalidateInBackground: true,
    });
    // The minute the answer is about: this one, or the one before when that answer stood in.
    const askedAt = Math.min(minute, alignInstant(nowSeconds - answer.ageSeconds, RUNS_GRANULARITY_SECONDS));
    return { askedAt, runs: rulesRunsOf(fresh.take(answer)) };
  } catch (e) {
    if (e instanceof UpstreamError) return { askedAt: minute, runs: new Map() };
    throw e;
  }
}

/** Whether the convention's rules are installed (our definition ran lately), outdated (another did) or absent. */
export function rulesState(runs: RulesRuns, c: Convention, definition: string): RulesState {
  const byDef = runs.get(c.name);
  if (byDef?.get(definition)?.last != null) return "installed";
  return [...(byDef?.values() ?? [])].some((r) => r.last !== null) ? "outdated" : "absent";
}

/** The convention's rules as /api/v1/status reports them: state, since when ours run, and the last evaluation. */
export function conventionRules(runs: RulesRuns, c: Convention, definition: string): ConventionRules {
  const state = rulesState(runs, c, definition);
  if (state === "installed") {
    const run = runs.get(c.name)?.get(definition);
    return { state, since: run?.since ?? null, lastEvaluation: run?.last ?? null };
  }
  const lasts = [...(runs.get(c.name)?.values() ?? [])].flatMap((r) => (r.last === null ? [] : [r.last]));
  return { state, since: null, lastEvaluation: lasts.length ? Math.max(...lasts) : null };
}

/**
 * Whether a run covers the instant `at`: it began at or before, and still ran within two evaluations
 * of it, or (for an instant after the question, `askedAt`) of the question: rules that ran a minute
 * ago are taken to run now; were they stopped since, the recorded values would be a minute old at
 * most until the next question says so, never missing.
 */
export function coversInstant(
  run: RulesRun | undefined,
  at: number,
  intervalSeconds: number,
  askedAt = Infinity,
): boolean {
  if (run?.since == null || run.last == null) return false;
  return run.since <= at && run.last >= Math.min(at, askedAt) - MISSED_EVALUATIONS * intervalSeconds;
}

/**
 * The first point of the range's grid that a run covers, or null where none is: read directly (the
 * rule's window), a point needs the first evaluation at or before it; averaged over a longer window,
 * a whole window of evaluations before it. The run must still go on at the range's end.
 */
export function firstCoveredPoint(
  run: RulesRun | undefined,
  range: QueryRange,
  window: number,
  o: RecordingOptions,
  askedAt = Infinity,
): number | null {
  if (window < o.windowSeconds || !coversInstant(run, range.end, o.intervalSeconds, askedAt)) return null;
  const from = (run?.since ?? Infinity) + (window > o.windowSeconds ? window : 0);
  if (from <= range.start) return range.start;
  const point = range.start + Math.ceil((from - range.start) / range.step) * range.step;
  return point <= range.end ? point : null;
}

/** A range question's plan: the conventions read from recorded series from `from` on, raw before it. */
export interface RangeReading extends RecordedReading {
  /** The first grid point read recorded (the range's start when all of it is). */
  from: number;
}

/** What a request reads from recorded series, decided once from the rules' runs. */
export class RecordedReader {
  readonly options: RecordingOptions;
  private readonly definitions = new Map<string, string>();

  private readonly runs: RulesRuns;
  private readonly askedAt: number;

  constructor(answer: RulesAnswer, deps: Pick<SignalDeps, "cfg">) {
    this.runs = answer.runs;
    this.askedAt = answer.askedAt;
    this.options = recordingOptions(deps.cfg);
  }

  /** The rules signalboard would write for `c` today, the only ones it trusts. */
  definition(c: Convention): string {
    let d = this.definitions.get(c.name);
    if (d === undefined) this.definitions.set(c.name, (d = conventionDefinition(c, this.options)));
    return d;
  }

  /** Our definition's run of the convention's rules, if any. */
  run(c: Convention): RulesRun | undefined {
    return this.runs.get(c.name)?.get(this.definition(c));
  }

  /** The conventions read from recorded series at an instant over `window` (only the rule's own is recorded). */
  instant(conventions: readonly Convention[], at: number, window: number): RecordedReading {
    const covered =
      window === this.options.windowSeconds
        ? conventions.filter((c) => coversInstant(this.run(c), at, this.options.intervalSeconds, this.askedAt))
        : [];
    return { conventions: new Set(covered.map((c) => c.name)), ruleWindow: this.options.windowSeconds };
  }

  /**
   * The conventions read from recorded series over a range, from one split point on: the latest of
   * their first covered points, so that a query is split at most once (two upstream queries, raw
   * before and recorded after), however many conventions it spans.
   */
  range(conventions: readonly Convention[], range: QueryRange, window: number): RangeReading {
    let from = range.start;
    const covered: string[] = [];
    for (const c of conventions) {
      const point = firstCoveredPoint(this.run(c), range, window, this.options, this.askedAt);
      if (point === null) continue;
      covered.push(c.name);
      from = Math.max(from, point);
    }
    return { conventions: new Set(covered), ruleWindow: this.options.windowSeconds, from };
  }
}

/** The request's reader: with `recordedSignals.read` false nothing is asked and everything is read raw. */
export async function recordedReader(
  deps: SignalDeps,
  fresh: FreshnessTracker,
  nowSeconds = Date.now() / 1000,
): Promise<RecordedReader> {
  const answer = deps.cfg.recordedSignals.read
    ? await fetchRulesRuns(deps, fresh, nowSeconds)
    : { askedAt: nowSeconds, runs: new Map() };
  return new RecordedReader(answer, deps);
}
