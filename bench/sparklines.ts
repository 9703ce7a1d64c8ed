// The overview's sparklines (`/api/v1/services?series=only`, as the page asks them: 1 h, 120 px),
// cold: each call asks a range no earlier call asked that dashboard, so every range query goes upstream.
import { promqlCount, timedGet } from "./api";
import { sourceOf, tally, type Mode, type Sources } from "./modes";
import { diff, type QueryCounter } from "./query-counter";
import { summarize, type Summary } from "./stats";
import { waitForPrometheusIdle } from "./upstream";
import { overviewStep } from "./viewers";

/** components/app/queries.ts SPARKLINE_WIDTH. */
const SPARKLINE_WIDTH = 120;
const RANGE_SECONDS = 3600;

export interface SparklineRun {
  /** The range's end (unix s); the range is the hour before it. */
  to: number;
  ms: number;
  status: number;
  source: string;
  promql: number;
  /** Prometheus's evaluation time of the call's queries (query log), ms. */
  promEvalMs: number;
}

export interface SparklinesResult {
  url: string;
  runs: SparklineRun[];
  /** Calls answered 200. */
  latency: Summary | null;
  all: Summary | null;
  failed: number;
  promEval: Summary | null;
  sources: Sources;
}

/**
 * `runs` rounds, each one range for every dashboard in turn (the order alternating): the first
 * round's range ends at the current step (what a viewer opening the page now asks, as long as these
 * dashboards have not served the page yet), each later one a step earlier, so that none is cached.
 * Every call starts once Prometheus is idle.
 */
export async function measureSparklines(o: {
  targets: readonly { key: Mode; baseUrl: string; counter: QueryCounter }[];
  prometheusUrl: string;
  runs: number;
  log: (s: string) => void;
}): Promise<Partial<Record<Mode, SparklinesResult>>> {
  const step = overviewStep();
  const end = Math.floor(Date.now() / 1000 / step) * step;
  const runs = new Map<Mode, SparklineRun[]>(o.targets.map((t) => [t.key, []]));
  for (let k = 0; k < o.runs; k++) {
    const to = end - k * step;
    const order = k % 2 === 0 ? o.targets : [...o.targets].reverse();
    for (const t of order) {
      await waitForPrometheusIdle(o.prometheusUrl);
      const c0 = await t.counter.snapshot();
      const r = await timedGet(
        `${t.baseUrl}/api/v1/services?from=${to - RANGE_SECONDS}&to=${to}&width=${SPARKLINE_WIDTH}&series=only`,
      );
      await waitForPrometheusIdle(o.prometheusUrl);
      const d = diff(c0, await t.counter.snapshot());
      const run: SparklineRun = {
        to,
        ms: r.ms,
        status: r.status,
        source: r.status === 200 ? sourceOf(r.body) : "failed",
        promql: promqlCount(d),
        promEvalMs: d.evalSeconds * 1000,
      };
      runs.get(t.key)?.push(run);
      o.log(
        `  ${t.key} sparklines to=${to}: ${r.ms.toFixed(0)} ms HTTP ${r.status} source ${run.source} (${run.promql} PromQL, Prometheus eval ${run.promEvalMs.toFixed(0)} ms)`,
      );
    }
  }
  return Object.fromEntries(
    o.targets.map((t) => {
      const rs = runs.get(t.key) ?? [];
      const ok = rs.filter((r) => r.status === 200);
      const sources: Sources = {};
      for (const r of ok) tally(sources, r.source);
      return [
        t.key,
        {
          url: `${t.baseUrl}/api/v1/services?from=<to − 1 h>&to=<to>&width=${SPARKLINE_WIDTH}&series=only`,
          runs: rs,
          latency: summarize(ok.map((r) => r.ms)),
          all: summarize(rs.map((r) => r.ms)),
          failed: rs.length - ok.length,
          promEval: summarize(ok.map((r) => r.promEvalMs)),
          sources,
        },
      ];
    }),
  );
}
