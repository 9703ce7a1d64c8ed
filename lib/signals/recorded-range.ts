// A range question read from recorded series where the rules cover it and from raw series before:
// split once at the first covered point of the step grid, the two answers joined series by series.
import type { RangeSeries } from "@/lib/prometheus/upstream";
import { CONVENTION, NAMESPACE, SERVICE } from "@/lib/promql/labels";
import type { RecordedReading } from "@/lib/promql/recorded-read";
import type { QueryRange } from "@/lib/time/range";
import type { SignalDeps } from "./discovery";
import type { FreshnessTracker } from "./freshness";
import type { RangeReading } from "./recorded-coverage";
import { readingSource, type SourceTracker } from "./signal-source";

type Labels = Record<string, string>;

/** A per-service series' identity whatever the part it came from: service, namespace, convention and quantile. */
export const serviceSeriesKey = (l: Labels) =>
  [l[SERVICE] ?? "", l[NAMESPACE] ?? "", l[CONVENTION] ?? "", l.quantile ?? ""].join("\u0000");

/**
 * The raw answer before the split and the recorded one from it on, joined by `keyOf`: each series
 * has the points of both, in time order, and the labels of the first part that has it.
 */
export function joinAtSplit(
  before: readonly RangeSeries[],
  after: readonly RangeSeries[],
  keyOf: (labels: Labels) => string = serviceSeriesKey,
): RangeSeries[] {
  const out = new Map<string, RangeSeries>();
  for (const s of [...before, ...after]) {
    const key = keyOf(s.labels);
    const joined = out.get(key);
    if (joined) joined.points = [...joined.points, ...s.points];
    else out.set(key, { labels: s.labels, points: [...s.points] });
  }
  for (const s of out.values()) s.points.sort((a, b) => a[0] - b[0]);
  return [...out.values()];
}

const NONE: RecordedReading = { conventions: new Set(), ruleWindow: 0 };

/** The two ranges of a split at `from` (a grid point after the start): raw up to the point before, recorded from it. */
export function splitRange(range: QueryRange, from: number): [QueryRange, QueryRange] {
  return [
    { start: range.start, end: from - range.step, step: range.step },
    { start: from, end: range.end, step: range.step },
  ];
}

/**
 * Asks one range question, built by `build` for what it reads recorded, and notes its source: one
 * query where the plan reads all of the range alike, two (raw before, recorded after) where the
 * rules began within it; never a hole.
 */
export async function readRange(
  deps: SignalDeps,
  fresh: FreshnessTracker,
  sources: SourceTracker,
  q: { range: QueryRange; plan: RangeReading; conventions: readonly string[] },
  build: (reading: RecordedReading) => string,
  keyOf: (labels: Labels) => string = serviceSeriesKey,
): Promise<RangeSeries[]> {
  const ask = (query: string, r: QueryRange) => deps.upstream.range(query, r).then((a) => fresh.take(a));
  const { range, plan } = q;
  const source = readingSource(q.conventions, plan);
  if (source === "raw" || plan.from > range.end) {
    sources.note("raw");
    return ask(build(NONE), range);
  }
  if (plan.from <= range.start) {
    sources.note(source);
    return ask(build(plan), range);
  }
  sources.note("mixed", plan.from);
  const [early, late] = splitRange(range, plan.from);
  const [before, after] = await Promise.all([ask(build(NONE), early), ask(build(plan), late)]);
  return joinAtSplit(before, after, keyOf);
}
