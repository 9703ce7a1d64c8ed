// Upstream queries per /api/v1/services call, and cold and warm latency next to Prometheus answering
// the same queries directly; in the same rounds, /api/v1/nodes and /api/v1/slos (route-call.ts).
import {
  boundariesQuery,
  directBatch,
  outcomeOf,
  overviewQueries,
  promqlCount,
  timedGet,
  type InstantSource,
} from "./api";
import { sourceOf, tally, type Sources } from "./modes";
import { diff, type Counts, type QueryCounter } from "./query-counter";
import { routeCall, routeCallText, routeSummary, type RouteCall, type RouteSummary } from "./route-call";
import { SCRAPE_INTERVAL_SECONDS } from "./stack";
import { summarize, type Summary } from "./stats";
import { waitForPrometheusIdle } from "./upstream";

export interface CallRun {
  at: number;
  coldMs: number;
  warmMs: number;
  directMs: number | null;
  status: number;
  warmStatus: number;
  /** "200", "200 stale", "504 upstream_timeout", … */
  outcome: string;
  /** The cold answer's `source` ("recorded", "raw", "mixed"; "absent" when it has none). */
  source: string;
  services: number;
  stale: boolean;
  conventions: string[];
  window: number;
  /** ms spent waiting for Prometheus to finish earlier work before the round. */
  idleWaitMs: number;
  /** Upstream activity caused by the cold and by the warm call. */
  cold: Counts;
  warm: Counts;
  /** /api/v1/nodes at the same `at`. */
  nodes?: RouteCall;
  /** /api/v1/slos at an instant of its own, so that no discovery answer of the /services call is cached for it. */
  slos?: RouteCall;
}

export interface CallsResult {
  runs: CallRun[];
  /** Rounds by outcome of the cold call. */
  outcomes: Record<string, number>;
  servicesReturned: number | null;
  perCall: {
    services: {
      promqlMetrics: Summary | null;
      queryLog: Summary | null;
      metadata: Summary | null;
      warmPromql: Summary | null;
      byEndpoint: Record<string, number>;
    };
    nodes: RouteSummary | null;
    /** `aside`: the bucket-boundaries question (bench/api.ts boundariesQuery), cached apart from `at`. */
    slos: RouteSummary | null;
  };
  /** The cold answers by the `source` they reported. */
  sources: Sources;
  /** Over the rounds whose cold call answered 200 with fresh (not stale) data. */
  latency: {
    cold: Summary | null;
    /** Prometheus's evaluation time of the cold call's queries (query log `evalTotalTime`, summed), ms: one overview tick. */
    promEval: Summary | null;
    warm: Summary | null;
    direct: Summary | null;
    overheadCold: number | null;
    overheadColdPairedMedian: number | null;
  };
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
  slosRoute: boolean;
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
      source: sourceOf(cold.body),
      services: parsed?.services.length ?? 0,
      stale: parsed?.stale ?? false,
      conventions,
      window,
      idleWaitMs,
      cold: diff(c0, c1),
      warm: diff(c1, c2),
    };
    const target = { prometheusUrl: o.prometheusUrl, counter: o.counter };
    if (o.nodesRoute)
      run.nodes = await routeCall({ ...target, route: "nodes", at, url: `${o.dashboardUrl}/api/v1/nodes?at=${at}` });
    if (o.slosRoute) {
      // Not the /services call's instant: that call left its discovery answer cached for it.
      const slosAt = await o.instants.take();
      run.slos = await routeCall({
        ...target,
        route: "slos",
        at: slosAt,
        url: `${o.dashboardUrl}/api/v1/slos?at=${slosAt}`,
        aside: boundariesQuery(conventions),
      });
    }
    runs.push(run);
    o.log(
      `  round ${i + 1}/${o.runs} at=${at}: cold ${cold.ms.toFixed(0)} ms ${outcome} source ${run.source} (${promqlCount(run.cold)} PromQL, log ${run.cold.queryLog}, Prometheus eval ${(run.cold.evalSeconds * 1000).toFixed(0)} ms), warm ${warm.ms.toFixed(0)} ms ${warm.status} (${promqlCount(run.warm)}), direct ${directMs === null ? "failed" : `${(directMs as number).toFixed(0)} ms`}` +
        (run.nodes ? routeCallText("nodes", run.nodes) : "") +
        (run.slos ? routeCallText("slos", run.slos) : "") +
        (idleWaitMs > 500 ? `; waited ${(idleWaitMs / 1000).toFixed(1)} s for Prometheus to go idle` : ""),
    );
  }

  const outcomes: Record<string, number> = {};
  for (const r of runs) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const sources: Sources = {};
  for (const r of runs) if (r.status === 200) tally(sources, r.source);
  const answered = runs.filter((r) => r.status === 200);
  const fresh = answered.filter((r) => !r.stale);
  const byEndpoint: Record<string, number> = {};
  for (const r of runs)
    for (const [k, v] of Object.entries(r.cold.byEndpoint)) byEndpoint[k] = (byEndpoint[k] ?? 0) + v;
  const cold = summarize(fresh.map((r) => r.coldMs));
  const direct = summarize(fresh.flatMap((r) => (r.directMs === null ? [] : [r.directMs])));
  const paired = fresh.flatMap((r) => (r.directMs ? [r.coldMs / r.directMs] : []));
  for (const r of runs)
    for (const [route, c] of [
      ["services", r],
      ["slos", r.slos],
    ] as const)
      if (c && c.status !== 200)
        errors.push(`round at=${c.at}: /api/v1/${route} answered ${c.outcome} after ${(c.coldMs / 1000).toFixed(1)} s`);
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
      nodes: o.nodesRoute ? routeSummary(runs.flatMap((r) => (r.nodes ? [r.nodes] : []))) : null,
      slos: o.slosRoute ? routeSummary(runs.flatMap((r) => (r.slos ? [r.slos] : []))) : null,
    },
    sources,
    latency: {
      cold,
      promEval: summarize(fresh.map((r) => r.cold.evalSeconds * 1000)),
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

function compareWithCatalogue(sent: string[], catalogue: string[]): NonNullable<CallsResult["catalogueCheck"]> {
  const s = new Set(sent);
  const c = new Set(catalogue);
  return {
    sent: s.size,
    catalogue: c.size,
    sentNotInCatalogue: [...s].filter((q) => !c.has(q)).length,
    catalogueNotSent: [...c].filter((q) => !s.has(q)).length,
  };
}

/** What a size's notes say about its cold/warm rounds: failed rounds (the first five), failed direct batches, drift from the catalogue. */
export function callsNotes(calls: CallsResult, services: number): string[] {
  const notes = calls.errors.slice(0, 5);
  if (calls.directFailures) notes.push(`${calls.directFailures} direct Prometheus batches failed`);
  const cc = calls.catalogueCheck;
  if (cc && (cc.sentNotInCatalogue || cc.catalogueNotSent)) {
    notes.push(
      `the dashboard sent ${cc.sent} instant queries per cold call, ${cc.sentNotInCatalogue} of them not in bench/api.ts overviewQueries (${cc.catalogue}); the direct batches replay what it sent`,
    );
  }
  if (calls.servicesReturned !== null && calls.servicesReturned !== services)
    notes.push(`the dashboard returned ${calls.servicesReturned} services, the fleet has ${services}`);
  return notes;
}
