import { NotFoundError } from "@/lib/errors";
import type { QueryTimes } from "@/lib/model/query-times";
import type { NamedSeries, Points, ServiceDetailResponse } from "@/lib/model/types";
import type { RangeSeries } from "@/lib/prometheus/upstream";
import { conventionErrorRatio, conventionLatencyQuantiles, conventionRequestRate, requestRateBy, type Outcome } from "@/lib/promql/red";
import { currentValues } from "./current-values";
import { discoverConventions, type SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { topWithOthers } from "./series";

/** How many routes, codes or instances a breakdown shows before summing the rest as "others". */
export const BREAKDOWN_TOP = 8;

/** 200, 201 → "2xx"; anything that is not a number (Linkerd's "failure") stays as it is. */
export function statusClass(code: string): string {
  return /^[1-5]\d\d$/.test(code) ? `${code[0]}xx` : code || "unknown";
}

function quantilePoints(series: RangeSeries[]): { p50: Points; p90: Points; p99: Points } {
  const find = (q: string) => series.find((s) => s.labels.quantile === q)?.points ?? [];
  return { p50: find("0.5"), p90: find("0.9"), p99: find("0.99") };
}

function named(series: RangeSeries[], label: string): NamedSeries[] {
  return series.map((s) => ({ name: s.labels[label] || "(none)", points: s.points }));
}

/** Sums series that share a name point by point (status codes into classes). */
function sumByName(series: NamedSeries[]): NamedSeries[] {
  const groups = new Map<string, Map<number, number>>();
  for (const s of series) {
    const g = groups.get(s.name) ?? new Map<number, number>();
    for (const [t, v] of s.points) if (v !== null) g.set(t, (g.get(t) ?? 0) + v);
    groups.set(s.name, g);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([name, g]) => ({ name, points: [...g.entries()].sort((a, b) => a[0] - b[0]) }));
}

/**
 * Current values of one service (the overview's, at the same instant and window, so both agree)
 * with its range series and breakdowns; 404 when no convention has seen it in the range.
 */
export async function serviceDetail(deps: SignalDeps, t: QueryTimes, name: string): Promise<ServiceDetailResponse> {
  const fresh = new FreshnessTracker();
  const { inUse } = await discoverConventions(deps, fresh);
  const [service] = inUse.length ? await currentValues(deps, t, inUse, fresh, name) : [];
  const owner = inUse.find((c) => c.name === service?.convention);
  if (!service || !owner) throw new NotFoundError("service_not_found", `no service named "${name}" has requests between from and to`, "name");

  const range = (q: string) => deps.upstream.range(q, t.range).then((a) => fresh.take(a));
  const scope = { window: t.window, service: name };
  const latency = (o: Outcome) => range(conventionLatencyQuantiles(owner, scope, o));
  const [rate, errors, latAll, latOk, latFail, byCode, byRoute, byInstance] = await Promise.all([
    range(conventionRequestRate(owner, scope)),
    range(conventionErrorRatio(owner, scope)),
    latency("all"),
    latency("success"),
    latency("failure"),
    range(requestRateBy(owner, scope, owner.statusLabel)),
    owner.routeLabel ? range(requestRateBy(owner, scope, owner.routeLabel)) : Promise.resolve(null),
    range(requestRateBy(owner, scope, owner.instanceLabel)),
  ]);
  const statusCodes = named(byCode, owner.statusLabel);
  return {
    at: t.at,
    window: t.currentWindow,
    seriesWindow: t.window,
    from: t.from,
    to: t.to,
    step: t.range.step,
    ...fresh.summary(),
    service,
    series: {
      requestRate: rate[0]?.points ?? [],
      errorRatio: errors[0]?.points ?? [],
      latency: quantilePoints(latAll),
      latencySuccess: quantilePoints(latOk),
      latencyFailure: quantilePoints(latFail),
      byStatusClass: sumByName(statusCodes.map((s) => ({ ...s, name: statusClass(s.name) }))),
    },
    breakdowns: {
      byRoute: byRoute ? topWithOthers(named(byRoute, owner.routeLabel ?? ""), BREAKDOWN_TOP) : null,
      byStatusCode: topWithOthers(statusCodes, BREAKDOWN_TOP),
      byInstance: topWithOthers(named(byInstance, owner.instanceLabel), BREAKDOWN_TOP),
    },
  };
}
