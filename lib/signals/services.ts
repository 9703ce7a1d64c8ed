import type { Convention } from "@/lib/config/schema";
import type { Latency, ServicesResponse, ServiceSummary, Values } from "@/lib/api/types";
import type { QueryTimes } from "@/lib/api/query-times";
import type { InstantSeries, RangeSeries } from "@/lib/prometheus/upstream";
import { CONVENTION, NAMESPACE, SERVICE } from "@/lib/promql/labels";
import { errorRatioByService, latencyQuantilesByService, requestRateByService, servicesSeen, type Outcome } from "@/lib/promql/red";
import { targetsUpByJob } from "@/lib/promql/targets";
import { discoverConventions, type SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { pointCount, toValues } from "./series";
import { classifyService, compareWorstFirst } from "./status";

type Labels = Record<string, string>;

/** Identity of a service across conventions: namespace and name. */
export function serviceKey(labels: Labels): string {
  return `${labels[NAMESPACE] ?? ""}/${labels[SERVICE] ?? ""}`;
}

const emptyLatency = (): Latency => ({ p50: null, p90: null, p99: null });
/** How far back a service that stopped answering is still listed (as down or idle). */
export const SEEN_LOOKBACK_SECONDS = 6 * 3600;
const QUANTILE_FIELD: Record<string, keyof Latency> = { "0.5": "p50", "0.9": "p90", "0.99": "p99" };

/**
 * Decides which convention owns each service: the first in precedence order that reports it.
 * A service found by two conventions appears once.
 */
export function assignOwners(conventions: readonly Convention[], seen: readonly Labels[]): Map<string, string> {
  const rank = new Map(conventions.map((c, i) => [c.name, i]));
  const owners = new Map<string, string>();
  for (const labels of seen) {
    const key = serviceKey(labels);
    const conv = labels[CONVENTION] ?? "";
    const current = owners.get(key);
    if (current === undefined || (rank.get(conv) ?? Infinity) < (rank.get(current) ?? Infinity)) owners.set(key, conv);
  }
  return owners;
}

/** Picks, from one query's series, the values that belong to each service's owning convention. */
function ownedValues(series: readonly InstantSeries[], owners: Map<string, string>): Map<string, InstantSeries[]> {
  const out = new Map<string, InstantSeries[]>();
  for (const s of series) {
    const key = serviceKey(s.labels);
    if (owners.get(key) !== s.labels[CONVENTION]) continue;
    out.set(key, [...(out.get(key) ?? []), s]);
  }
  return out;
}

function latencyFrom(series: InstantSeries[] | undefined): Latency {
  const l = emptyLatency();
  for (const s of series ?? []) {
    const field = QUANTILE_FIELD[s.labels.quantile ?? ""];
    if (field) l[field] = s.value;
  }
  return l;
}

/** Current RED values of every discovered service; optionally sparklines over the range. */
export async function servicesOverview(deps: SignalDeps, t: QueryTimes, opts: { series: boolean }): Promise<ServicesResponse> {
  const fresh = new FreshnessTracker();
  const { inUse } = await discoverConventions(deps, fresh);
  const base = { at: t.at, window: t.window, from: t.from, to: t.to, conventions: inUse.map((c) => c.name), thresholds: deps.cfg.services.thresholds };
  if (inUse.length === 0) return { ...base, ...fresh.summary(), services: [] };

  const scope = { window: t.window };
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  const instant = (q: string) => deps.upstream.instant(q, t.at, ttl).then((a) => fresh.take(a));
  const latency = (o: Outcome) => instant(latencyQuantilesByService(inUse, scope, o));
  const lookback = Math.min(SEEN_LOOKBACK_SECONDS, Math.max(t.window, Math.round(t.to - t.from)));
  const [seen, rate, errors, latAll, latOk, latFail, targets, sparks] = await Promise.all([
    instant(servicesSeen(inUse, lookback)),
    instant(requestRateByService(inUse, scope)),
    instant(errorRatioByService(inUse, scope)),
    latency("all"),
    latency("success"),
    latency("failure"),
    instant(targetsUpByJob()),
    opts.series ? sparklines(deps, t, inUse, fresh) : Promise.resolve(undefined),
  ]);

  const owners = assignOwners(inUse, [...seen, ...rate, ...errors, ...latAll].map((s) => s.labels));
  const byKey = {
    seen: ownedValues(seen, owners),
    rate: ownedValues(rate, owners),
    errors: ownedValues(errors, owners),
    latAll: ownedValues(latAll, owners),
    latOk: ownedValues(latOk, owners),
    latFail: ownedValues(latFail, owners),
  };
  const upByJob = targetCounts(targets);
  const conventionByName = new Map(inUse.map((c) => [c.name, c]));

  const services: ServiceSummary[] = [...owners.entries()].map(([key, convName]) => {
    const first = byKey.seen.get(key)?.[0] ?? byKey.rate.get(key)?.[0] ?? byKey.errors.get(key)?.[0];
    const labels = first?.labels ?? {};
    const name = labels[SERVICE] ?? key;
    const conv = conventionByName.get(convName);
    const instances = conv?.serviceLabel === "job" ? (upByJob.get(name) ?? null) : null;
    const summary: ServiceSummary = {
      name,
      ...(labels[NAMESPACE] ? { namespace: labels[NAMESPACE] } : {}),
      convention: convName,
      requestRate: byKey.rate.get(key)?.[0]?.value ?? null,
      errorRatio: byKey.errors.get(key)?.[0]?.value ?? null,
      latency: latencyFrom(byKey.latAll.get(key)),
      latencySuccess: latencyFrom(byKey.latOk.get(key)),
      latencyFailure: latencyFrom(byKey.latFail.get(key)),
      instances,
      status: "ok",
      statusReasons: [],
    };
    const verdict = classifyService({ ...summary, p99: summary.latency.p99 }, deps.cfg.services.thresholds);
    summary.status = verdict.status;
    summary.statusReasons = verdict.reasons;
    const s = sparks?.get(key);
    if (sparks) summary.series = s ?? emptySparkline(pointCount(t.range));
    return summary;
  });
  services.sort(compareWorstFirst);
  return {
    ...base,
    ...fresh.summary(),
    services,
    ...(opts.series ? { axis: { start: t.range.start, step: t.range.step, points: pointCount(t.range) } } : {}),
  };
}

function targetCounts(series: InstantSeries[]): Map<string, { up: number; total: number }> {
  const out = new Map<string, { up: number; total: number }>();
  for (const s of series) {
    const job = s.labels.job;
    if (!job) continue;
    const entry = out.get(job) ?? { up: 0, total: 0 };
    if (s.labels.state === "up") entry.up = s.value ?? 0;
    else entry.total = s.value ?? 0;
    out.set(job, entry);
  }
  return out;
}

type Sparkline = NonNullable<ServiceSummary["series"]>;

function emptySparkline(n: number): Sparkline {
  const empty = (): Values => new Array(n).fill(null);
  return { requestRate: empty(), errorRatio: empty(), p50: empty(), p90: empty(), p99: empty(), p99Failure: empty() };
}

async function sparklines(deps: SignalDeps, t: QueryTimes, inUse: Convention[], fresh: FreshnessTracker): Promise<Map<string, Sparkline>> {
  const scope = { window: t.window };
  const range = (q: string) => deps.upstream.range(q, t.range).then((a) => fresh.take(a));
  const [rate, errors, latOk, latFail] = await Promise.all([
    range(requestRateByService(inUse, scope)),
    range(errorRatioByService(inUse, scope)),
    range(latencyQuantilesByService(inUse, scope, "success")),
    range(latencyQuantilesByService(inUse, scope, "failure")),
  ]);
  const owners = assignOwners(inUse, [...rate, ...errors].map((s) => s.labels));
  const n = pointCount(t.range);
  const out = new Map<string, Sparkline>();
  const slot = (labels: Labels) => {
    const key = serviceKey(labels);
    if (owners.get(key) !== labels[CONVENTION]) return undefined;
    let s = out.get(key);
    if (!s) out.set(key, (s = emptySparkline(n)));
    return s;
  };
  const fill = (series: RangeSeries[], pick: (s: Sparkline, labels: Labels) => keyof Sparkline | undefined) => {
    for (const r of series) {
      const s = slot(r.labels);
      const field = s && pick(s, r.labels);
      if (s && field) s[field] = toValues(r.points, t.range);
    }
  };
  fill(rate, () => "requestRate");
  fill(errors, () => "errorRatio");
  fill(latOk, (_, l) => QUANTILE_FIELD[l.quantile ?? ""]);
  fill(latFail, (_, l) => (l.quantile === "0.99" ? "p99Failure" : undefined));
  return out;
}
