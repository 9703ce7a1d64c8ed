import type { Convention } from "@/lib/config/schema";
import type { Latency, ServiceSparkline, ServiceSparklinesResponse, ServicesResponse, Values } from "@/lib/model/types";
import type { QueryTimes } from "@/lib/model/query-times";
import { parseServiceKey, serviceKey } from "@/lib/identity/service-identity";
import type { RangeSeries } from "@/lib/prometheus/upstream";
import {
  errorRatioByService,
  latencyQuantileByService,
  latencyQuantilesByService,
  requestRateByService,
} from "@/lib/promql/red";
import { allConventions } from "./conventions";
import { currentValues } from "./current-values";
import { discoverConventions, discoverServices, type SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { discoveryHints } from "./metric-suggestions";
import { ownedValues, type Owners } from "./ownership";
import { pointCount, toValues } from "./series";

const QUANTILE_FIELD: Record<string, keyof Latency> = { "0.5": "p50", "0.9": "p90", "0.99": "p99" };

/** Current RED values of every discovered service; optionally (`series`) sparklines over the range in the same answer. */
export async function servicesOverview(
  deps: SignalDeps,
  t: QueryTimes,
  opts: { series: boolean },
): Promise<ServicesResponse> {
  const fresh = new FreshnessTracker();
  const { inUse, metricNames } = await discoverConventions(deps, fresh);
  const base = { ...answerBase(t, inUse), thresholds: deps.cfg.services.thresholds };
  // An empty answer says what was looked for and what the upstream has instead: no extra query.
  const hints = () => discoveryHints(allConventions(deps.cfg), metricNames);
  if (inUse.length === 0) return { ...base, ...fresh.summary(), services: [], discovery: hints() };

  // One 'seen' answer decides the owners of the values and of the sparklines alike.
  const owners = discoverServices(deps, t, inUse, fresh);
  const [services, sparks] = await Promise.all([
    currentValues(deps, t, inUse, fresh, owners),
    opts.series ? sparklines(deps, t, inUse, fresh, owners) : Promise.resolve(undefined),
  ]);
  if (sparks)
    for (const s of services) s.series = sparks.get(serviceKey(s))?.series ?? emptySparkline(pointCount(t.range));
  return {
    ...base,
    ...fresh.summary(),
    services,
    ...(services.length === 0 ? { discovery: hints() } : {}),
    ...(opts.series ? { axis: axisOf(t), seriesWindow: t.window } : {}),
  };
}

/**
 * Sparklines over the range of every discovered service, without current values: the overview's
 * second request, so that its rows show before the range queries (the costliest) are answered.
 */
export async function servicesSparklines(deps: SignalDeps, t: QueryTimes): Promise<ServiceSparklinesResponse> {
  const fresh = new FreshnessTracker();
  const { inUse } = await discoverConventions(deps, fresh);
  const base = { ...answerBase(t, inUse), axis: axisOf(t), seriesWindow: t.window };
  if (inUse.length === 0) return { ...base, ...fresh.summary(), services: [] };
  // The same 'seen' question as the current values' at the same times: one cache entry for both requests.
  const sparks = await sparklines(deps, t, inUse, fresh, discoverServices(deps, t, inUse, fresh));
  const services = [...sparks.entries()].map(([key, { owner, series }]) => ({
    ...parseServiceKey(key),
    convention: owner,
    series,
  }));
  return { ...base, ...fresh.summary(), services };
}

const axisOf = (t: QueryTimes) => ({ start: t.range.start, step: t.range.step, points: pointCount(t.range) });

/** What both of the overview's answers begin with: their times and the conventions in use. */
const answerBase = (t: QueryTimes, inUse: readonly Convention[]) => ({
  at: t.at,
  window: t.currentWindow,
  from: t.from,
  to: t.to,
  conventions: inUse.map((c) => c.name),
});

function emptySparkline(n: number): ServiceSparkline {
  const empty = (): Values => new Array(n).fill(null);
  return { requestRate: empty(), errorRatio: empty(), p50: empty(), p90: empty(), p99: empty(), p99Failure: empty() };
}

/** The four range queries of the sparklines, by service key, each service's from the convention that owns it. */
async function sparklines(
  deps: SignalDeps,
  t: QueryTimes,
  inUse: Convention[],
  fresh: FreshnessTracker,
  owned: Promise<Owners>,
): Promise<Map<string, { owner: string; series: ServiceSparkline }>> {
  const scope = { window: t.window };
  const range = (q: string) => deps.upstream.range(q, t.range).then((a) => fresh.take(a));
  const [owners, rate, errors, latOk, latFail] = await Promise.all([
    owned,
    range(requestRateByService(inUse, scope)),
    range(errorRatioByService(inUse, scope)),
    range(latencyQuantilesByService(inUse, scope, "headline")),
    range(latencyQuantileByService(inUse, scope, 0.99, "failure")),
  ]);
  const n = pointCount(t.range);
  const out = new Map<string, { owner: string; series: ServiceSparkline }>();
  const fill = (
    series: RangeSeries[],
    pick: (labels: Record<string, string>) => keyof ServiceSparkline | undefined,
  ) => {
    for (const [key, owned] of ownedValues(series, owners)) {
      let s = out.get(key);
      if (!s) out.set(key, (s = { owner: owners.get(key) ?? "", series: emptySparkline(n) }));
      for (const r of owned) {
        const field = pick(r.labels);
        if (field) s.series[field] = toValues(r.points, t.range);
      }
    }
  };
  fill(rate, () => "requestRate");
  fill(errors, () => "errorRatio");
  fill(latOk, (l) => QUANTILE_FIELD[l.quantile ?? ""]);
  fill(latFail, () => "p99Failure");
  return out;
}
