import type { Convention } from "@/lib/config/schema";
import { serviceIdentity, serviceIdentityKey } from "@/lib/api/sparklines";
import type { Latency, ServiceSparkline, ServiceSparklinesResponse, ServicesResponse, ServiceSummary, Values } from "@/lib/api/types";
import type { QueryTimes } from "@/lib/api/query-times";
import type { InstantSeries, RangeSeries } from "@/lib/prometheus/upstream";
import { CONVENTION, NAMESPACE, SERVICE } from "@/lib/promql/labels";
import {
  errorRatioByService,
  failedRequestRateByService,
  latencyBucketsByService,
  latencyQuantileByService,
  latencyQuantilesByService,
  requestRateByService,
  servicesSeen,
} from "@/lib/promql/red";
import { targetsUpByJob } from "@/lib/promql/targets";
import { discoverConventions, type SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { addBuckets, bucketsOf, latencyOf, type Bucket } from "./histogram";
import { pointCount, toValues } from "./series";
import { classifyService, compareWorstFirst } from "./status";

type Labels = Record<string, string>;

/** Identity of a series' service across conventions: namespace and name. */
export function serviceKey(labels: Labels): string {
  return serviceIdentityKey({ name: labels[SERVICE] ?? "", ...(labels[NAMESPACE] ? { namespace: labels[NAMESPACE] } : {}) });
}

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

/** Current RED values of every discovered service; optionally (`series`) sparklines over the range in the same answer. */
export async function servicesOverview(deps: SignalDeps, t: QueryTimes, opts: { series: boolean }): Promise<ServicesResponse> {
  const fresh = new FreshnessTracker();
  const { inUse } = await discoverConventions(deps, fresh);
  const base = { ...answerBase(t, inUse), thresholds: deps.cfg.services.thresholds };
  if (inUse.length === 0) return { ...base, ...fresh.summary(), services: [] };

  const [services, sparks] = await Promise.all([currentValues(deps, t, inUse, fresh), opts.series ? sparklines(deps, t, inUse, fresh) : Promise.resolve(undefined)]);
  if (sparks) for (const s of services) s.series = sparks.get(serviceIdentityKey(s))?.series ?? emptySparkline(pointCount(t.range));
  return {
    ...base,
    ...fresh.summary(),
    services,
    ...(opts.series ? { axis: axisOf(t) } : {}),
  };
}

/**
 * Sparklines over the range of every discovered service, without current values: the overview's
 * second request, so that its rows show before the range queries (the costliest) are answered.
 */
export async function servicesSparklines(deps: SignalDeps, t: QueryTimes): Promise<ServiceSparklinesResponse> {
  const fresh = new FreshnessTracker();
  const { inUse } = await discoverConventions(deps, fresh);
  const base = { ...answerBase(t, inUse), axis: axisOf(t) };
  if (inUse.length === 0) return { ...base, ...fresh.summary(), services: [] };
  const sparks = await sparklines(deps, t, inUse, fresh);
  const services = [...sparks.entries()].map(([key, { owner, series }]) => ({ ...serviceIdentity(key), convention: owner, series }));
  return { ...base, ...fresh.summary(), services };
}

const axisOf = (t: QueryTimes) => ({ start: t.range.start, step: t.range.step, points: pointCount(t.range) });

/** What both of the overview's answers begin with: their times and the conventions in use. */
const answerBase = (t: QueryTimes, inUse: readonly Convention[]) => ({ at: t.at, window: t.window, from: t.from, to: t.to, conventions: inUse.map((c) => c.name) });

/**
 * Error ratio from the two rates: 0 where requests came but none failed (no failed series), null
 * where none came (0 / 0), as docs/definitions.md's `failed / all` with the missing numerator filled.
 */
export function errorRatioOf(all: number | null, failed: number | null): number | null {
  if (all === null || !(all > 0)) return null;
  return (failed ?? 0) / all;
}

/** Each owned service's buckets, added over the series of one answer. */
function bucketsByKey(series: readonly InstantSeries[], owners: Map<string, string>): Map<string, Bucket[]> {
  return new Map([...ownedValues(series, owners)].map(([key, s]) => [key, bucketsOf(s)]));
}

/** The instant queries of the overview: six whatever the number of services. */
async function currentValues(deps: SignalDeps, t: QueryTimes, inUse: Convention[], fresh: FreshnessTracker): Promise<ServiceSummary[]> {
  const scope = { window: t.window };
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  const instant = (q: string) => deps.upstream.instant(q, t.at, ttl).then((a) => fresh.take(a));
  const lookback = Math.min(SEEN_LOOKBACK_SECONDS, Math.max(t.window, Math.round(t.to - t.from)));
  const [seen, rate, failed, bucketsOk, bucketsFail, targets] = await Promise.all([
    instant(servicesSeen(inUse, lookback)),
    instant(requestRateByService(inUse, scope)),
    instant(failedRequestRateByService(inUse, scope)),
    instant(latencyBucketsByService(inUse, scope, "success")),
    instant(latencyBucketsByService(inUse, scope, "failure")),
    instant(targetsUpByJob()),
  ]);

  const owners = assignOwners(inUse, [...seen, ...rate, ...bucketsOk, ...bucketsFail].map((s) => s.labels));
  const byKey = {
    rate: ownedValues(rate, owners),
    failed: ownedValues(failed, owners),
    ok: bucketsByKey(bucketsOk, owners),
    fail: bucketsByKey(bucketsFail, owners),
  };
  const upByJob = targetCounts(targets);
  const conventionByName = new Map(inUse.map((c) => [c.name, c]));

  const services: ServiceSummary[] = [...owners.entries()].map(([key, convName]) => {
    const conv = conventionByName.get(convName);
    const { name, namespace } = serviceIdentity(key);
    const scale = conv?.durationUnit === "milliseconds" ? 1 / 1000 : 1;
    const ok = byKey.ok.get(key) ?? [];
    const fail = byKey.fail.get(key) ?? [];
    const requestRate = byKey.rate.get(key)?.[0]?.value ?? null;
    const summary: ServiceSummary = {
      name,
      ...(namespace ? { namespace } : {}),
      convention: convName,
      requestRate,
      errorRatio: errorRatioOf(requestRate, byKey.failed.get(key)?.[0]?.value ?? null),
      latency: latencyOf(addBuckets(ok, fail), scale),
      latencySuccess: latencyOf(ok, scale),
      latencyFailure: latencyOf(fail, scale),
      instances: conv?.serviceLabel === "job" ? (upByJob.get(name) ?? null) : null,
      status: "ok",
      statusReasons: [],
    };
    const verdict = classifyService({ ...summary, p99: summary.latency.p99 }, deps.cfg.services.thresholds);
    summary.status = verdict.status;
    summary.statusReasons = verdict.reasons;
    return summary;
  });
  services.sort(compareWorstFirst);
  return services;
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

function emptySparkline(n: number): ServiceSparkline {
  const empty = (): Values => new Array(n).fill(null);
  return { requestRate: empty(), errorRatio: empty(), p50: empty(), p90: empty(), p99: empty(), p99Failure: empty() };
}

/** The four range queries of the sparklines, by service key, with the convention that owns each. */
async function sparklines(deps: SignalDeps, t: QueryTimes, inUse: Convention[], fresh: FreshnessTracker): Promise<Map<string, { owner: string; series: ServiceSparkline }>> {
  const scope = { window: t.window };
  const range = (q: string) => deps.upstream.range(q, t.range).then((a) => fresh.take(a));
  const [rate, errors, latOk, latFail] = await Promise.all([
    range(requestRateByService(inUse, scope)),
    range(errorRatioByService(inUse, scope)),
    range(latencyQuantilesByService(inUse, scope, "success")),
    range(latencyQuantileByService(inUse, scope, 0.99, "failure")),
  ]);
  const owners = assignOwners(inUse, [...rate, ...errors].map((s) => s.labels));
  const n = pointCount(t.range);
  const out = new Map<string, { owner: string; series: ServiceSparkline }>();
  const slot = (labels: Labels) => {
    const key = serviceKey(labels);
    const owner = labels[CONVENTION];
    if (owner === undefined || owners.get(key) !== owner) return undefined;
    let s = out.get(key);
    if (!s) out.set(key, (s = { owner, series: emptySparkline(n) }));
    return s.series;
  };
  const fill = (series: RangeSeries[], pick: (labels: Labels) => keyof ServiceSparkline | undefined) => {
    for (const r of series) {
      const s = slot(r.labels);
      const field = s && pick(r.labels);
      if (s && field) s[field] = toValues(r.points, t.range);
    }
  };
  fill(rate, () => "requestRate");
  fill(errors, () => "errorRatio");
  fill(latOk, (l) => QUANTILE_FIELD[l.quantile ?? ""]);
  fill(latFail, () => "p99Failure");
  return out;
}
