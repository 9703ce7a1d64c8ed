// The cost of one call to a JSON route other than /api/v1/services (calls.ts measures that one):
// /api/v1/nodes and /api/v1/slos, cold at an instant, then warm, each bracketed by counter snapshots.
import { outcomeOf, probe, promqlCount, timedGet } from "./api";
import { sourceOf, tally, type Sources } from "./modes";
import { diff, type Counts, type QueryCounter } from "./query-counter";
import type { SizeResult } from "./result";
import { summarize, type Summary } from "./stats";
import { waitForPrometheusIdle } from "./upstream";

/** The routes measured per call besides /api/v1/services, and the array their answers list. */
export const ROUTES = { nodes: "nodes", slos: "slos" } as const;
export type Route = keyof typeof ROUTES;

export interface RouteCall {
  at: number;
  status: number;
  /** "200", "200 stale", "504 upstream_timeout", … */
  outcome: string;
  stale: boolean;
  coldMs: number;
  warmMs: number;
  /** Items in the cold answer (nodes, SLOs). */
  count: number;
  /** The cold answer's `source` ("absent" when it has none). */
  source: string;
  cold: Counts;
  warm: Counts;
  /** Query log lines of the cold call's interval whose text is `aside` (a question cached apart from `at`). */
  aside: number;
}

/**
 * A cold call of `url` (nothing cached for its instant), then the same URL warm; Prometheus idle
 * before each snapshot, because queries the dashboard gave up on are logged when they stop.
 */
export async function routeCall(o: {
  route: Route;
  url: string;
  at: number;
  prometheusUrl: string;
  counter: QueryCounter;
  aside?: string;
}): Promise<RouteCall> {
  await waitForPrometheusIdle(o.prometheusUrl);
  const c0 = await o.counter.snapshot();
  const cold = await timedGet(o.url);
  await waitForPrometheusIdle(o.prometheusUrl);
  const c1 = await o.counter.snapshot();
  const warm = await timedGet(o.url);
  await waitForPrometheusIdle(o.prometheusUrl);
  const c2 = await o.counter.snapshot();
  const { outcome, parsed } = outcomeOf(cold);
  let count = 0;
  try {
    const items = (JSON.parse(cold.body) as Record<string, unknown>)[ROUTES[o.route]];
    count = Array.isArray(items) ? items.length : 0;
  } catch {
    // counted as 0
  }
  return {
    at: o.at,
    status: cold.status,
    outcome,
    stale: parsed?.stale ?? false,
    coldMs: cold.ms,
    warmMs: warm.ms,
    count,
    source: sourceOf(cold.body),
    cold: diff(c0, c1),
    warm: diff(c1, c2),
    aside: o.aside === undefined ? 0 : (c1.instantQueries ?? []).filter((q) => q === o.aside).length,
  };
}

export interface RouteSummary {
  /** The first cold call's HTTP status. */
  status: number;
  /** Every cold call, whatever it answered: the queries are sent whether or not they come back in time. */
  promqlMetrics: Summary | null;
  queryLog: Summary | null;
  metadata: Summary | null;
  /** The `aside` question's lines per cold call, and the PromQL per cold call without them (metrics, log). */
  aside: Summary | null;
  /** Cold calls in whose interval the `aside` question was asked (by them, or in the background). */
  asideCalls: number;
  promqlWithoutAside: Summary | null;
  queryLogWithoutAside: Summary | null;
  warmPromql: Summary | null;
  returned: number | null;
  outcomes: Record<string, number>;
  sources: Sources;
  /** Over the cold calls that answered 200 with fresh data; Prometheus eval = the query log's evalTotalTime, summed. */
  latency: { cold: Summary | null; warm: Summary | null; promEval: Summary | null };
  coldAllMs: Summary | null;
}

export function routeSummary(calls: readonly RouteCall[]): RouteSummary {
  const outcomes: Record<string, number> = {};
  const sources: Sources = {};
  for (const c of calls) {
    outcomes[c.outcome] = (outcomes[c.outcome] ?? 0) + 1;
    if (c.status === 200) tally(sources, c.source);
  }
  const fresh = calls.filter((c) => c.status === 200 && !c.stale);
  return {
    status: calls[0]?.status ?? 0,
    promqlMetrics: summarize(calls.map((c) => promqlCount(c.cold))),
    queryLog: summarize(calls.map((c) => c.cold.queryLog)),
    metadata: summarize(calls.map((c) => c.cold.metrics - promqlCount(c.cold))),
    aside: summarize(calls.map((c) => c.aside)),
    asideCalls: calls.filter((c) => c.aside > 0).length,
    promqlWithoutAside: summarize(calls.map((c) => promqlCount(c.cold) - c.aside)),
    queryLogWithoutAside: summarize(calls.map((c) => c.cold.queryLog - c.aside)),
    warmPromql: summarize(calls.map((c) => promqlCount(c.warm))),
    returned: calls.find((c) => c.status === 200)?.count ?? null,
    outcomes,
    sources,
    latency: {
      cold: summarize(fresh.map((c) => c.coldMs)),
      warm: summarize(fresh.map((c) => c.warmMs)),
      promEval: summarize(fresh.map((c) => c.cold.evalSeconds * 1000)),
    },
    coldAllMs: summarize(calls.map((c) => c.coldMs)),
  };
}

/** One round's log line for a route call. */
export const routeCallText = (route: Route, c: RouteCall) =>
  `; ${route} ${c.outcome} cold ${c.coldMs.toFixed(0)} ms, ${c.count} ${ROUTES[route]}, source ${c.source} (${promqlCount(c.cold)} PromQL, log ${c.cold.queryLog}${c.aside ? `, ${c.aside} of them cached apart` : ""}, Prometheus eval ${(c.cold.evalSeconds * 1000).toFixed(0)} ms), warm ${c.warmMs.toFixed(0)} ms (${promqlCount(c.warm)})`;

/** Whether each route answers at all on a dashboard of this size (the per-call figures need 200), with a note where not. */
export async function probeRoutes(size: SizeResult, dashboardUrl: string): Promise<void> {
  for (const route of Object.keys(ROUTES) as Route[]) {
    const status = await probe(`${dashboardUrl}/api/v1/${route}`);
    size[`${route}RouteStatus`] = status;
    if (status !== 200)
      size.notes.push(`/api/v1/${route} answered HTTP ${status}: per-call ${route} queries not measured`);
  }
}
