import type { Convention } from "@/lib/config/schema";
import { ApiError } from "@/lib/api/errors";
import type { QueryTimes } from "@/lib/api/query-times";
import type { Latency, NamedSeries, Points, ServiceDetailResponse, ServiceSummary } from "@/lib/api/types";
import type { RangeSeries } from "@/lib/prometheus/upstream";
import { CONVENTION, NAMESPACE } from "@/lib/promql/labels";
import { conventionErrorRatio, conventionLatencyQuantiles, requestRateBy, requestRateByService, type Outcome } from "@/lib/promql/red";
import { targetsUpByJob } from "@/lib/promql/targets";
import { discoverConventions, type SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { topWithOthers } from "./series";
import { classifyService } from "./status";

/** How many routes, codes or instances a breakdown shows before summing the rest as "others". */
export const BREAKDOWN_TOP = 8;

/** The value at or just before `at`: a range point stands for the current value at that instant. */
export function valueAt(points: Points, at: number): number | null {
  let value: number | null = null;
  for (const [t, v] of points) {
    if (t > at) break;
    value = v;
  }
  return value;
}

/** 200, 201 → "2xx"; anything that is not a number (Linkerd's "failure") stays as it is. */
export function statusClass(code: string): string {
  return /^[1-5]\d\d$/.test(code) ? `${code[0]}xx` : code || "unknown";
}

function quantilePoints(series: RangeSeries[]): { p50: Points; p90: Points; p99: Points } {
  const find = (q: string) => series.find((s) => s.labels.quantile === q)?.points ?? [];
  return { p50: find("0.5"), p90: find("0.9"), p99: find("0.99") };
}

function latencyAt(l: { p50: Points; p90: Points; p99: Points }, at: number): Latency {
  return { p50: valueAt(l.p50, at), p90: valueAt(l.p90, at), p99: valueAt(l.p99, at) };
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

/** Range series and breakdowns of one service; 404 when no convention has data for it in the range. */
export async function serviceDetail(deps: SignalDeps, t: QueryTimes, name: string): Promise<ServiceDetailResponse> {
  const fresh = new FreshnessTracker();
  const { inUse } = await discoverConventions(deps, fresh);
  const range = (q: string) => deps.upstream.range(q, t.range).then((a) => fresh.take(a));
  const found = inUse.length ? await range(requestRateByService(inUse, { window: t.window, service: name })) : [];
  const owner = inUse.find((c) => found.some((s) => s.labels[CONVENTION] === c.name));
  if (!owner) throw new ApiError(404, "service_not_found", `no service named "${name}" has requests between from and to`, "name");
  const rateSeries = found.find((s) => s.labels[CONVENTION] === owner.name);

  const scope = { window: t.window, service: name };
  const latency = (o: Outcome) => range(conventionLatencyQuantiles(owner, scope, o));
  const [errors, latAll, latOk, latFail, byCode, byRoute, byInstance, targets] = await Promise.all([
    range(conventionErrorRatio(owner, scope)),
    latency("all"),
    latency("success"),
    latency("failure"),
    range(requestRateBy(owner, scope, owner.statusLabel)),
    owner.routeLabel ? range(requestRateBy(owner, scope, owner.routeLabel)) : Promise.resolve(null),
    range(requestRateBy(owner, scope, owner.instanceLabel)),
    owner.serviceLabel === "job" ? deps.upstream.instant(targetsUpByJob(), t.at, deps.cfg.prometheus.scrapeIntervalSeconds * 1000).then((a) => fresh.take(a)) : Promise.resolve([]),
  ]);

  const requestRate = rateSeries?.points ?? [];
  const errorRatio = errors[0]?.points ?? [];
  const lat = { all: quantilePoints(latAll), ok: quantilePoints(latOk), fail: quantilePoints(latFail) };
  const statusCodes = named(byCode, owner.statusLabel);
  const service = summarize(deps, owner, name, rateSeries?.labels[NAMESPACE], t.at, {
    requestRate,
    errorRatio,
    latency: latencyAt(lat.all, t.at),
    latencySuccess: latencyAt(lat.ok, t.at),
    latencyFailure: latencyAt(lat.fail, t.at),
    targets: targets.filter((s) => s.labels.job === name),
  });

  return {
    at: t.at,
    window: t.window,
    from: t.from,
    to: t.to,
    step: t.range.step,
    ...fresh.summary(),
    service,
    series: {
      requestRate,
      errorRatio,
      latency: lat.all,
      latencySuccess: lat.ok,
      latencyFailure: lat.fail,
      byStatusClass: sumByName(statusCodes.map((s) => ({ ...s, name: statusClass(s.name) }))),
    },
    breakdowns: {
      byRoute: byRoute ? topWithOthers(named(byRoute, owner.routeLabel ?? ""), BREAKDOWN_TOP) : null,
      byStatusCode: topWithOthers(statusCodes, BREAKDOWN_TOP),
      byInstance: topWithOthers(named(byInstance, owner.instanceLabel), BREAKDOWN_TOP),
    },
  };
}

interface SummaryParts {
  requestRate: Points;
  errorRatio: Points;
  latency: Latency;
  latencySuccess: Latency;
  latencyFailure: Latency;
  targets: { labels: Record<string, string>; value: number | null }[];
}

function summarize(deps: SignalDeps, owner: Convention, name: string, namespace: string | undefined, at: number, p: SummaryParts): ServiceSummary {
  const up = p.targets.find((s) => s.labels.state === "up")?.value;
  const total = p.targets.find((s) => s.labels.state === "total")?.value;
  const instances = total ? { up: up ?? 0, total } : null;
  const requestRate = valueAt(p.requestRate, at);
  const errorRatio = valueAt(p.errorRatio, at);
  const verdict = classifyService({ requestRate, errorRatio, p99: p.latency.p99, instances }, deps.cfg.services.thresholds);
  return {
    name,
    ...(namespace ? { namespace } : {}),
    convention: owner.name,
    requestRate,
    errorRatio,
    latency: p.latency,
    latencySuccess: p.latencySuccess,
    latencyFailure: p.latencyFailure,
    instances,
    status: verdict.status,
    statusReasons: verdict.reasons,
  };
}
