// Measurements through the JSON API: upstream queries per call, cold and warm latency next to
// Prometheus answering the same queries directly, and many viewers polling the overview.
import type { ServicesResponse } from '@/lib/api/types';
import { settledWithin } from '@/lib/async/settled-within';
import { failedRequestRateByService, latencyBucketsByService, requestRateByService, servicesSeen } from '@/lib/promql/red';
import { targetsUpByJob } from '@/lib/promql/targets';
import { pointsForWidth, stepFor } from '@/lib/time/range';
import { PRESETS } from '@/lib/signals/conventions';
import { diff, sleep, SCRAPE_INTERVAL_SECONDS, waitForPrometheusIdle, type Counts, type QueryCounter } from './stack';
import { summarize, type Summary } from './stats';

export const OVERVIEW_QUERY = 'from=now-1h&to=now&series=true&width=120';

export interface Timed {
  status: number;
  ms: number;
  body: string;
}

/**
 * How long past its own timeout a request may stay unsettled before the bench stops waiting: in one
 * run at N = 2,000 a poll neither answered nor failed after its abort, its socket already closed, and
 * the 50-viewer phase waited for it forever.
 */
const UNSETTLED_SLACK_MS = 5_000;

export async function timedGet(url: string, timeoutMs = 30_000): Promise<Timed> {
  const started = performance.now();
  const attempt = (async (): Promise<Timed> => {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: 'application/json' } });
      const body = await res.text();
      return { status: res.status, ms: performance.now() - started, body };
    } catch (e) {
      return { status: 0, ms: performance.now() - started, body: String(e) };
    }
  })();
  const giveUpMs = timeoutMs + UNSETTLED_SLACK_MS;
  return (await settledWithin(attempt, giveUpMs)) ?? { status: 0, ms: performance.now() - started, body: `neither answered nor failed within ${giveUpMs} ms` };
}

/** The HTTP status a route answers now (0 when it does not answer at all). */
export async function probe(url: string): Promise<number> {
  return (await timedGet(url, 60_000)).status;
}

/** PromQL queries = the `query` and `query_range` endpoints; the rest is metadata (label values…). */
export const promqlCount = (c: Counts) => (c.byEndpoint.query ?? 0) + (c.byEndpoint.query_range ?? 0);

/**
 * The queries servicesOverview sent for current values when this bench was written, built by the
 * same catalogue functions from the conventions the dashboard reported in use. The direct batches
 * replay what the dashboard actually sent (from the query log); this list is the fallback and a
 * cross-check that the bench still matches the code (CallsResult.catalogueCheck).
 */
export function overviewQueries(conventionNames: readonly string[], window: number): string[] {
  const inUse = PRESETS.filter((p) => conventionNames.includes(p.name));
  const conventions = inUse.length ? inUse : [PRESETS[0]!];
  const scope = { window };
  // discovery.ts: min(SEEN_LOOKBACK_SECONDS = 6 h, max(window, to − from)); the rounds use the default 1 h range.
  const seenLookback = Math.min(6 * 3600, Math.max(window, 3600));
  return [
    servicesSeen(conventions, seenLookback),
    requestRateByService(conventions, scope),
    failedRequestRateByService(conventions, scope),
    latencyBucketsByService(conventions, scope, 'success'),
    latencyBucketsByService(conventions, scope, 'failure'),
    targetsUpByJob(),
  ];
}

/** A direct batch gets this long (Prometheus's own default query timeout is 2 min). */
const DIRECT_TIMEOUT_MS = 90_000;

/** Sends the queries to Prometheus at once, as the dashboard does; the batch's wall time in ms. */
export async function directBatch(prometheusUrl: string, queries: readonly string[], at: number): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const answers = await Promise.all(
    queries.map(async (query) => {
      const res = await fetch(`${prometheusUrl}/api/v1/query`, {
        method: 'POST',
        body: new URLSearchParams({ query, time: String(at) }),
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        signal: AbortSignal.timeout(DIRECT_TIMEOUT_MS),
      });
      const body = (await res.json()) as { status?: string };
      return res.ok && body.status === 'success';
    }).map((p) => p.catch(() => false)),
  );
  return { ms: performance.now() - started, ok: answers.every(Boolean) };
}

const align = (t: number) => Math.floor(t / SCRAPE_INTERVAL_SECONDS) * SCRAPE_INTERVAL_SECONDS;

/**
 * Evaluation instants nobody has asked this dashboard process about yet. The dashboard aligns
 * `at` down to the scrape interval, so only aligned values are distinct cache keys. First the
 * aligned instants going back from now, as long as a full rate window of data lies before them
 * (`earliest`); then, once those are used up, each new aligned instant as time passes.
 */
export class InstantSource {
  private back: number;
  private forward: number;

  constructor(
    now: number,
    private readonly earliest: number,
  ) {
    this.forward = align(now);
    this.back = this.forward - SCRAPE_INTERVAL_SECONDS;
  }

  async take(): Promise<number> {
    if (this.back >= this.earliest) {
      const at = this.back;
      this.back -= SCRAPE_INTERVAL_SECONDS;
      return at;
    }
    // Bounded: at most two intervals of waiting.
    for (let i = 0; i < 4 * SCRAPE_INTERVAL_SECONDS; i++) {
      const at = align(Date.now() / 1000);
      if (at >= this.forward) {
        this.forward = at + SCRAPE_INTERVAL_SECONDS;
        return at;
      }
      await sleep(Math.max(20, Math.min(1000, this.forward * 1000 - Date.now() + 20)));
    }
    throw new Error('no fresh evaluation instant within 20 s');
  }
}

export interface CallRun {
  at: number;
  coldMs: number;
  warmMs: number;
  directMs: number | null;
  status: number;
  warmStatus: number;
  /** "200", "200 stale", "504 upstream_timeout", … */
  outcome: string;
  services: number;
  stale: boolean;
  conventions: string[];
  window: number;
  /** ms spent waiting for Prometheus to finish earlier work before the round. */
  idleWaitMs: number;
  /** Upstream activity caused by the cold and by the warm call. */
  cold: Counts;
  warm: Counts;
  nodes?: { status: number; coldMs: number; warmMs: number; count: number; cold: Counts; warm: Counts };
}

export interface CallsResult {
  runs: CallRun[];
  /** Rounds by outcome of the cold call. */
  outcomes: Record<string, number>;
  servicesReturned: number | null;
  perCall: {
    services: { promqlMetrics: Summary | null; queryLog: Summary | null; metadata: Summary | null; warmPromql: Summary | null; byEndpoint: Record<string, number> };
    nodes: { status: number; promqlMetrics: Summary | null; queryLog: Summary | null; warmPromql: Summary | null; nodesReturned: number | null } | null;
  };
  /** Over the rounds whose cold call answered 200 with fresh (not stale) data. */
  latency: { cold: Summary | null; warm: Summary | null; direct: Summary | null; overheadCold: number | null; overheadColdPairedMedian: number | null };
  /** Cold calls of every round, whatever they answered. */
  coldAllMs: Summary | null;
  directAllMs: Summary | null;
  directFailures: number;
  /** The instant queries the first cold call sent (from the query log): what the direct batches replay. */
  queriesSent: string[];
  /** The catalogue-built list (overviewQueries) against what the dashboard sent. */
  catalogueCheck: { sent: number; catalogue: number; sentNotInCatalogue: number; catalogueNotSent: number } | null;
  errors: string[];
}

function outcomeOf(r: Timed): { outcome: string; parsed?: ServicesResponse } {
  if (r.status === 0) return { outcome: `no answer (${r.body.slice(0, 80)})` };
  try {
    const parsed = JSON.parse(r.body) as ServicesResponse & { error?: { code?: string } };
    if (r.status !== 200) return { outcome: `${r.status} ${parsed.error?.code ?? ''}`.trim() };
    return { outcome: parsed.stale ? '200 stale' : '200', parsed };
  } catch {
    return { outcome: `${r.status} (not JSON)` };
  }
}

/**
 * `runs` rounds (fewer when `maxSeconds` runs out), each at an instant not asked before: a cold call
 * (nothing cached for that instant) and the same URL again (warm), bracketed by counter snapshots;
 * then the same queries straight to Prometheus. Rounds alternate which of the two goes first, and
 * each starts once Prometheus is idle.
 */
export async function measureCalls(o: {
  dashboardUrl: string;
  prometheusUrl: string;
  counter: QueryCounter;
  instants: InstantSource;
  runs: number;
  maxSeconds: number;
  nodesRoute: boolean;
  log: (s: string) => void;
}): Promise<CallsResult> {
  const runs: CallRun[] = [];
  const errors: string[] = [];
  let directFailures = 0;
  const directAll: number[] = [];
  const phaseDeadline = Date.now() + o.maxSeconds * 1000;
  let conventions: string[] = [];
  let window = 4 * SCRAPE_INTERVAL_SECONDS;
  // What the direct batch sends: the instant queries the dashboard's last cold call sent, read
  // from the query log (exact text); the catalogue-built list until there is one.
  let sent: string[] = [];
  let firstSent: string[] = [];
  for (let i = 0; i < o.runs; i++) {
    if (i > 0 && Date.now() > phaseDeadline) {
      o.log(`  stopping after ${i} rounds: the ${o.maxSeconds} s budget of this phase is used up`);
      break;
    }
    const idleWaitMs = await waitForPrometheusIdle(o.prometheusUrl);
    const at = await o.instants.take();
    const url = `${o.dashboardUrl}/api/v1/services?at=${at}`;
    let directMs: number | null = null;
    const runDirect = async () => {
      const d = await directBatch(o.prometheusUrl, sent.length ? sent : overviewQueries(conventions, window), at);
      directAll.push(d.ms);
      if (d.ok) directMs = d.ms;
      else directFailures++;
    };
    // The window and conventions come from the dashboard's answers (the previous round's when
    // the direct batch goes first).
    const directFirst = i % 2 === 1 && conventions.length > 0;
    if (directFirst) {
      await runDirect();
      await waitForPrometheusIdle(o.prometheusUrl);
    }
    const c0 = await o.counter.snapshot();
    const cold = await timedGet(url);
    // Queries the dashboard gave up on are logged by Prometheus when they stop: wait for that.
    await waitForPrometheusIdle(o.prometheusUrl);
    const c1 = await o.counter.snapshot();
    const warm = await timedGet(url);
    await waitForPrometheusIdle(o.prometheusUrl);
    const c2 = await o.counter.snapshot();
    const { outcome, parsed } = outcomeOf(cold);
    if (parsed) {
      conventions = parsed.conventions;
      window = parsed.window;
    }
    if (c1.instantQueries?.length) {
      sent = c1.instantQueries;
      if (!firstSent.length) firstSent = sent;
    }
    if (!directFirst) {
      await waitForPrometheusIdle(o.prometheusUrl);
      await runDirect();
    }
    const run: CallRun = {
      at,
      coldMs: cold.ms,
      warmMs: warm.ms,
      directMs,
      status: cold.status,
      warmStatus: warm.status,
      outcome,
      services: parsed?.services.length ?? 0,
      stale: parsed?.stale ?? false,
      conventions,
      window,
      idleWaitMs,
      cold: diff(c0, c1),
      warm: diff(c1, c2),
    };
    if (o.nodesRoute) {
      await waitForPrometheusIdle(o.prometheusUrl);
      const nodesUrl = `${o.dashboardUrl}/api/v1/nodes?at=${at}`;
      const n0 = await o.counter.snapshot();
      const nc = await timedGet(nodesUrl);
      await waitForPrometheusIdle(o.prometheusUrl);
      const n1 = await o.counter.snapshot();
      const nw = await timedGet(nodesUrl);
      await waitForPrometheusIdle(o.prometheusUrl);
      const n2 = await o.counter.snapshot();
      let count = 0;
      try {
        count = (JSON.parse(nc.body) as { nodes?: unknown[] }).nodes?.length ?? 0;
      } catch {
        // counted as 0
      }
      run.nodes = { status: nc.status, coldMs: nc.ms, warmMs: nw.ms, count, cold: diff(n0, n1), warm: diff(n1, n2) };
    }
    runs.push(run);
    o.log(
      `  round ${i + 1}/${o.runs} at=${at}: cold ${cold.ms.toFixed(0)} ms ${outcome} (${promqlCount(run.cold)} PromQL, log ${run.cold.queryLog}), warm ${warm.ms.toFixed(0)} ms ${warm.status} (${promqlCount(run.warm)}), direct ${directMs === null ? 'failed' : `${(directMs as number).toFixed(0)} ms`}` +
        (run.nodes ? `; nodes ${run.nodes.status} cold ${run.nodes.coldMs.toFixed(0)} ms (${promqlCount(run.nodes.cold)} PromQL, log ${run.nodes.cold.queryLog})` : '') +
        (idleWaitMs > 500 ? `; waited ${(idleWaitMs / 1000).toFixed(1)} s for Prometheus to go idle` : ''),
    );
  }

  const outcomes: Record<string, number> = {};
  for (const r of runs) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const answered = runs.filter((r) => r.status === 200);
  const fresh = answered.filter((r) => !r.stale);
  const byEndpoint: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.cold.byEndpoint)) byEndpoint[k] = (byEndpoint[k] ?? 0) + v;
  const cold = summarize(fresh.map((r) => r.coldMs));
  const direct = summarize(fresh.flatMap((r) => (r.directMs === null ? [] : [r.directMs])));
  const nodeRuns = runs.flatMap((r) => (r.nodes && r.nodes.status === 200 ? [r.nodes] : []));
  const paired = fresh.flatMap((r) => (r.directMs ? [r.coldMs / r.directMs] : []));
  for (const r of runs) if (r.status !== 200) errors.push(`round at=${r.at}: /api/v1/services answered ${r.outcome} after ${(r.coldMs / 1000).toFixed(1)} s`);
  return {
    runs,
    outcomes,
    servicesReturned: answered[0]?.services ?? null,
    perCall: {
      services: {
        // Every round counts here: the queries are sent whether or not they come back in time.
        promqlMetrics: summarize(runs.map((r) => promqlCount(r.cold))),
        queryLog: summarize(runs.map((r) => r.cold.queryLog)),
        metadata: summarize(runs.map((r) => r.cold.metrics - promqlCount(r.cold))),
        warmPromql: summarize(runs.map((r) => promqlCount(r.warm))),
        byEndpoint,
      },
      nodes: o.nodesRoute
        ? {
            status: runs[0]?.nodes?.status ?? 0,
            promqlMetrics: summarize(nodeRuns.map((r) => promqlCount(r.cold))),
            queryLog: summarize(nodeRuns.map((r) => r.cold.queryLog)),
            warmPromql: summarize(nodeRuns.map((r) => promqlCount(r.warm))),
            nodesReturned: nodeRuns[0]?.count ?? null,
          }
        : null,
    },
    latency: {
      cold,
      warm: summarize(fresh.map((r) => r.warmMs)),
      direct,
      overheadCold: cold && direct ? cold.median / direct.median : null,
      overheadColdPairedMedian: summarize(paired)?.median ?? null,
    },
    coldAllMs: summarize(runs.map((r) => r.coldMs)),
    directAllMs: summarize(directAll),
    directFailures,
    queriesSent: firstSent,
    catalogueCheck: firstSent.length ? compareWithCatalogue(firstSent, overviewQueries(conventions, window)) : null,
    errors,
  };
}

function compareWithCatalogue(sent: string[], catalogue: string[]): NonNullable<CallsResult['catalogueCheck']> {
  const s = new Set(sent);
  const c = new Set(catalogue);
  return { sent: s.size, catalogue: c.size, sentNotInCatalogue: [...s].filter((q) => !c.has(q)).length, catalogueNotSent: [...c].filter((q) => !s.has(q)).length };
}

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
  for (let i = 0; i < stepMs / period + 1 && Math.floor(t / stepMs) !== Math.floor((t + durationMs - 1) / stepMs); i++) t += period;
  return t;
}

/** The step of the overview's sparkline range query, as the dashboard computes it. */
export function overviewStep(): number {
  const p = new URLSearchParams(OVERVIEW_QUERY);
  return stepFor({ from: 0, to: 3600 }, pointsForWidth(Number(p.get('width'))), SCRAPE_INTERVAL_SECONDS);
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
        else if (r.body.startsWith('{"') && r.body.includes('"stale":true')) stale++;
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
    upstream,
    promql: promqlCount(upstream),
    waitedMs: start - requested,
  };
}
