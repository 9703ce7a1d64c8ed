// Many viewers polling the overview, as browsers left open do: upstream queries and poll latency.
import { pointsForWidth, stepFor } from "@/lib/time/range";
import { OVERVIEW_QUERY, promqlCount, timedGet } from "./api";
import { countSource, type Sources } from "./modes";
import { diff, type Counts, type QueryCounter } from "./query-counter";
import { sleep, SCRAPE_INTERVAL_SECONDS } from "./stack";
import { summarize, type Summary } from "./stats";
import { waitForPrometheusIdle } from "./upstream";

/**
 * When a viewer phase starts: on a scrape-interval boundary, so that every phase, whatever its
 * number of viewers, spans the same number of evaluation instants; and, where the phase fits,
 * inside one range step, so that every phase asks the same range queries. Without this, viewers
 * spread over an interval touch one more instant than a single viewer does (13 vs 12 in 60 s).
 */
export function phaseStart(nowMs: number, durationMs: number, rangeStepSeconds: number): number {
  const period = SCRAPE_INTERVAL_SECONDS * 1000;
  const stepMs = rangeStepSeconds * 1000;
  let t = Math.ceil((nowMs + 200) / period) * period;
  if (durationMs > stepMs) return t;
  for (let i = 0; i < stepMs / period + 1 && Math.floor(t / stepMs) !== Math.floor((t + durationMs - 1) / stepMs); i++)
    t += period;
  return t;
}

/** The step of the overview's sparkline range query, as the dashboard computes it. */
export function overviewStep(): number {
  const p = new URLSearchParams(OVERVIEW_QUERY);
  return stepFor({ from: 0, to: 3600 }, pointsForWidth(Number(p.get("width"))), SCRAPE_INTERVAL_SECONDS);
}

export interface ViewersResult {
  viewers: number;
  durationSeconds: number;
  polls: number;
  /** Polls answered other than 200. */
  failed: number;
  /** Polls answered 200 with `stale: true`. */
  stale: number;
  /** Poll slots skipped because the viewer's previous poll was still running. */
  skipped: number;
  latency: Summary | null;
  /** The answered polls by the `source` they reported. */
  sources: Sources;
  upstream: Counts;
  promql: number;
  /** ms waited for an aligned start (see phaseStart). */
  waitedMs: number;
}

/**
 * `viewers` clients each polling the overview every scrape interval for `durationSeconds`,
 * their first polls spread evenly over one interval, as browsers opened at different moments.
 * A poll starts only when that viewer's previous one has finished (as TanStack Query does).
 * Every poll starts within [start, start + duration − 0.5 s).
 */
export async function runViewers(o: {
  dashboardUrl: string;
  prometheusUrl: string;
  counter: QueryCounter;
  viewers: number;
  durationSeconds: number;
  /** Called once every viewer's last poll has been answered. */
  afterPolls?: () => void;
}): Promise<ViewersResult> {
  const periodMs = SCRAPE_INTERVAL_SECONDS * 1000;
  const durationMs = o.durationSeconds * 1000;
  const pollsEach = Math.max(1, Math.floor(durationMs / periodMs));
  const url = `${o.dashboardUrl}/api/v1/services?${OVERVIEW_QUERY}`;
  await waitForPrometheusIdle(o.prometheusUrl);
  const before = await o.counter.snapshot();
  const requested = Date.now();
  const start = phaseStart(requested, durationMs, overviewStep());
  await sleep(start - Date.now());
  const latencies: number[] = [];
  let failed = 0;
  let stale = 0;
  let skipped = 0;
  const sources: Sources = {};
  await Promise.all(
    Array.from({ length: o.viewers }, async (_, v) => {
      const offset = 100 + (v * (periodMs - 600)) / o.viewers;
      // Slots start + offset + k·period; a slot missed while the previous poll was still
      // running is skipped, as a refetch interval does, so the phase stays within its duration.
      for (let k = 0; k < pollsEach; k++) {
        const due = start + offset + k * periodMs;
        const late = Date.now() - due;
        if (late > periodMs) {
          skipped++;
          continue;
        }
        if (late < 0) await sleep(-late);
        const r = await timedGet(url);
        latencies.push(r.ms);
        if (r.status !== 200) failed++;
        else {
          countSource(sources, r.body);
          if (r.body.startsWith('{"') && r.body.includes('"stale":true')) stale++;
        }
      }
    }),
  );
  o.afterPolls?.();
  await sleep(300); // let background revalidations finish and be counted
  await waitForPrometheusIdle(o.prometheusUrl);
  const upstream = diff(before, await o.counter.snapshot());
  return {
    viewers: o.viewers,
    durationSeconds: o.durationSeconds,
    polls: latencies.length,
    failed,
    stale,
    skipped,
    latency: summarize(latencies),
    sources,
    upstream,
    promql: promqlCount(upstream),
    waitedMs: start - requested,
  };
}
