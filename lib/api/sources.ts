// Several sources in one answer: each source's answer is computed on its own (its own upstream,
// cache and stale copies, lib/signals unchanged), then merged here, worst first across sources,
// every item carrying its source's name and whether that source's part is stale.
import { UpstreamError } from "@/lib/prometheus/errors";
import { compareWorstFirst } from "@/lib/model/service-order";
import { compareNodes } from "@/lib/model/node-status";
import { combineSourced } from "@/lib/model/signal-source";
import type { AlertsResponse } from "@/lib/model/alert-types";
import type { KubernetesHealth, NodesResponse } from "@/lib/model/node-types";
import type { SlosResponse } from "@/lib/model/slo-types";
import type {
  Freshness,
  FromSource,
  ServiceSparklinesResponse,
  ServicesResponse,
  Sourced,
  SourceState,
  Window,
} from "@/lib/model/types";
import { compareAlerts } from "@/lib/signals/alerts";
import { compareKubernetesNodes, WORKLOADS_WORST_FIRST } from "@/lib/signals/kubernetes-health";
import { compareSlos } from "@/lib/signals/slo-state";
import { recordingRulesHints } from "@/lib/signals/services";
import { errorResponse } from "./errors";

/** One source's answer. */
export interface SourceAnswer<T> {
  name: string;
  answer: T;
}

/** The answers of the sources that answered, and every asked source's state (failed ones with their error). */
export interface Gathered<T> {
  answers: SourceAnswer<T>[];
  sources: SourceState[];
}

/**
 * Asks every source at once. A source whose upstream failed with no last good copy gives its error
 * in its state and no answer; when every source failed, the first one's error is thrown, as a single
 * source's would be. Any other error (bad input, a bug) is thrown as it is.
 */
export async function gather<S extends { name: string }, T extends Freshness>(
  asked: readonly S[],
  ask: (s: S) => Promise<T>,
): Promise<Gathered<T>> {
  const settled = await Promise.allSettled(asked.map(ask));
  const answers: SourceAnswer<T>[] = [];
  const sources: SourceState[] = [];
  let firstError: unknown;
  settled.forEach((r, i) => {
    const name = (asked[i] as S).name;
    if (r.status === "fulfilled") {
      answers.push({ name, answer: r.value });
      sources.push(stateOf(name, r.value));
      return;
    }
    if (!(r.reason instanceof UpstreamError)) throw r.reason;
    firstError ??= r.reason;
    const { code, message } = errorResponse(r.reason).body.error;
    sources.push({ name, stale: false, error: { code, message } });
  });
  if (answers.length === 0) throw firstError;
  return { answers, sources };
}

function stateOf(name: string, f: Freshness): SourceState {
  if (!f.stale) return { name, stale: false };
  return {
    name,
    stale: true,
    ...(f.ageSeconds === undefined ? {} : { ageSeconds: f.ageSeconds }),
    ...(f.staleReason === undefined ? {} : { staleReason: f.staleReason }),
  };
}

/**
 * The answers' freshness as one: stale when any answered source is stale (the answer holds old data
 * somewhere), its age the oldest, the first stale source's reason, naming the source when there
 * are several; every warning once.
 */
export function mergedFreshness(answers: readonly SourceAnswer<Freshness>[]): Freshness {
  const several = answers.length > 1;
  const warnings = [...new Set(answers.flatMap((a) => a.answer.warnings))];
  const stale = answers.filter((a) => a.answer.stale);
  const first = stale[0];
  if (!first) return { stale: false, warnings };
  const age = Math.max(...stale.map((a) => a.answer.ageSeconds ?? 0));
  const reason = first.answer.staleReason;
  return {
    stale: true,
    ageSeconds: age,
    ...(reason === undefined ? {} : { staleReason: several ? `${first.name}: ${reason}` : reason }),
    warnings,
  };
}

/** Items of one source's answer, each with the source's name and staleness. */
function tagged<T>(a: SourceAnswer<Freshness>, items: readonly T[]): (T & Required<FromSource>)[] {
  return items.map((x) => ({ ...x, source: a.name, stale: a.answer.stale }));
}

/**
 * One list of every source's items, each tagged with its source; ordered by `compare`, the source's
 * name breaking ties (the contract's order), or left in the sources' order without one.
 */
function mergedList<A extends Freshness, T>(
  answers: readonly SourceAnswer<A>[],
  items: (answer: A) => readonly T[],
  compare?: (a: T, b: T) => number,
): (T & Required<FromSource>)[] {
  const all = answers.flatMap((a) => tagged(a, items(a.answer)));
  return compare ? all.sort((a, b) => compare(a, b) || a.source.localeCompare(b.source)) : all;
}

/** The times every source's answer shares (each source's own scrape interval may align them differently: the first's are shown). */
const windowOf = (w: Window): Window => ({
  at: w.at,
  window: w.window,
  from: w.from,
  to: w.to,
  ...(w.seriesWindow === undefined ? {} : { seriesWindow: w.seriesWindow }),
});

/** Recorded, raw or mixed, of the answers together (never empty: at least one source answered). */
const sourcedOf = (answers: readonly SourceAnswer<Sourced>[]): Sourced =>
  combineSourced(answers.map((a) => a.answer)) ?? { source: "raw" };

/** Union of lists, each element once, in the order first met. */
const union = <T>(lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())];

/** The overview's current values (and sparklines when asked) across sources. */
export function mergeServices(g: Gathered<ServicesResponse>): ServicesResponse {
  const first = (g.answers[0] as SourceAnswer<ServicesResponse>).answer;
  const services = mergedList(g.answers, (a) => a.services, compareWorstFirst);
  const rawServices = g.answers.reduce((n, a) => n + (a.answer.hints?.[0]?.rawServices ?? 0), 0);
  const hints = recordingRulesHints(rawServices);
  const discovery = g.answers.find((a) => a.answer.discovery)?.answer.discovery;
  return {
    ...windowOf(first),
    thresholds: first.thresholds,
    ...(first.axis ? { axis: first.axis } : {}),
    ...mergedFreshness(g.answers),
    ...sourcedOf(g.answers),
    conventions: union(g.answers.map((a) => a.answer.conventions)),
    ...(hints ? { hints } : {}),
    services,
    ...(services.length === 0 && discovery ? { discovery } : {}),
    sources: g.sources,
  };
}

/** The overview's sparklines across sources (no order: the browser joins them to the rows). */
export function mergeSparklines(g: Gathered<ServiceSparklinesResponse>): ServiceSparklinesResponse {
  const first = (g.answers[0] as SourceAnswer<ServiceSparklinesResponse>).answer;
  return {
    ...windowOf(first),
    axis: first.axis,
    ...mergedFreshness(g.answers),
    ...sourcedOf(g.answers),
    conventions: union(g.answers.map((a) => a.answer.conventions)),
    services: mergedList(g.answers, (a) => a.services),
    sources: g.sources,
  };
}

/** Kubernetes health across sources: null where no source has kube-state-metrics. */
function mergeKubernetes(answers: readonly SourceAnswer<NodesResponse>[]): KubernetesHealth | null {
  const withK8s = answers.filter((a) => a.answer.kubernetes);
  if (withK8s.length === 0) return null;
  const health = (a: NodesResponse) => a.kubernetes as KubernetesHealth;
  // Worst first across sources too: the wall shows the first few of each list.
  return {
    nodes: mergedList(withK8s, (a) => health(a).nodes, compareKubernetesNodes),
    restarts: mergedList(withK8s, (a) => health(a).restarts, WORKLOADS_WORST_FIRST.restarts),
    unavailableDeployments: mergedList(
      withK8s,
      (a) => health(a).unavailableDeployments,
      WORKLOADS_WORST_FIRST.unavailableDeployments,
    ),
    throttling: mergedList(withK8s, (a) => health(a).throttling, WORKLOADS_WORST_FIRST.throttling),
  };
}

/** The node grid across sources, worst first. */
export function mergeNodes(g: Gathered<NodesResponse>): NodesResponse {
  const first = (g.answers[0] as SourceAnswer<NodesResponse>).answer;
  return {
    ...first,
    ...mergedFreshness(g.answers),
    nodes: mergedList(g.answers, (a) => a.nodes, compareNodes),
    kubernetes: mergeKubernetes(g.answers),
    sources: g.sources,
  };
}

/** Active alerts across sources, firing and worst first. */
export function mergeAlerts(g: Gathered<AlertsResponse>): AlertsResponse {
  return {
    ...mergedFreshness(g.answers),
    alerts: mergedList(g.answers, (a) => a.alerts, compareAlerts),
    sources: g.sources,
  };
}

/**
 * SLOs across sources, worst budget first. A configuration warning (an SLO for a service that does
 * not exist) holds only when every source that answered gives it: the service may be in another one.
 */
export function mergeSlos(g: Gathered<SlosResponse>): SlosResponse {
  const first = (g.answers[0] as SourceAnswer<SlosResponse>).answer;
  const key = (w: object) => JSON.stringify(w);
  const warned = g.answers.map((a) => new Set(a.answer.configWarnings.map(key)));
  return {
    ...mergedFreshness(g.answers),
    at: first.at,
    source: sourcedOf(g.answers).source,
    slos: mergedList(g.answers, (a) => a.slos, compareSlos),
    configWarnings: first.configWarnings.filter((w) => warned.every((s) => s.has(key(w)))),
    sources: g.sources,
  };
}

/**
 * Which of the sources asked knows a name, for a detail page: `find` lists what each knows by it
 * (a source whose upstream fails knows nothing). The one source that knows it; none, the first
 * source (its own 404 follows); several, `ambiguous` of every source's findings is thrown.
 */
export async function sourceKnowing<S extends { name: string }, K>(
  asks: readonly S[],
  find: (s: S) => Promise<readonly K[]>,
  ambiguous: (knowing: readonly S[], found: readonly K[]) => Error,
): Promise<S> {
  if (asks.length === 1) return asks[0] as S;
  const found = await Promise.all(
    asks.map((s) =>
      find(s).catch((e: unknown) => {
        if (e instanceof UpstreamError) return [];
        throw e;
      }),
    ),
  );
  const knowing = asks.filter((_, i) => (found[i] ?? []).length > 0);
  if (knowing.length > 1) throw ambiguous(knowing, found.flat());
  return knowing[0] ?? (asks[0] as S);
}
