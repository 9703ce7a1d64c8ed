import { rangeAnswerTimes, type QueryTimes } from "@/lib/model/query-times";
import type { NamedSeries, Points, ServiceDetailResponse } from "@/lib/model/types";
import { serviceKey, type ServiceId } from "@/lib/identity/service-identity";
import type { RangeSeries } from "@/lib/prometheus/upstream";
import {
  conventionErrorRatio,
  conventionLatencyQuantiles,
  conventionRequestRate,
  measuresLatencyOf,
  requestRateBy,
  type Outcome,
} from "@/lib/promql/red";
import {
  recordedErrorRatio,
  recordedLatencyQuantiles,
  recordedRequestRate,
  type RecordedReading,
} from "@/lib/promql/recorded-read";
import { currentValues } from "./current-values";
import { discoverConventions, discoverServices, resolveKnownService, type SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { recordedReader } from "./recorded-coverage";
import { serviceSlos } from "./slos";
import { readRange } from "./recorded-range";
import { SourceTracker } from "./signal-source";
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
  return [...groups.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([name, g]) => ({ name, points: [...g.entries()].sort((a, b) => a[0] - b[0]) }));
}

/**
 * Current values of one service (the overview's, at the same instant and window, so both agree)
 * with its range series and breakdowns. The service asked for is first found among the discovered
 * ones (404 when no convention has seen it in the range, 409 when its name is in several namespaces
 * and none was given); only then are queries naming it sent, for its owning convention alone. Its
 * current values and range series are read recorded where the rules cover them; the breakdowns by
 * status code, route and instance always raw (one service's series: cheap, and not recorded).
 */
export async function serviceDetail(deps: SignalDeps, t: QueryTimes, asked: ServiceId): Promise<ServiceDetailResponse> {
  const fresh = new FreshnessTracker();
  const [{ inUse }, reader] = await Promise.all([discoverConventions(deps, fresh), recordedReader(deps, fresh)]);
  // Seen anywhere in the range up to its end: a link to an instant before the service's first
  // request still opens on it (idle then). When `at` is the end, this is the list's own question.
  const known = await discoverServices(deps, t, inUse, fresh, Math.max(t.at, t.end));
  const { id, owner: ownerName } = resolveKnownService(known, asked);
  const owner = inUse.find((c) => c.name === ownerName);
  if (!owner) throw new Error(`service ${serviceKey(id)} resolved to convention ${ownerName}, which is not in use`);

  const range = (q: string) => deps.upstream.range(q, t.range).then((a) => fresh.take(a));
  const scope = { window: t.window, service: id };
  const sources = new SourceTracker();
  const q = { range: t.range, plan: reader.range([owner], t.range, t.window), conventions: [owner.name] };
  // One series per answer (per quantile): the raw part's labels are the convention's, the recorded part's signalboard's.
  const read = (recorded: (w: number) => string, raw: () => string) =>
    readRange(
      deps,
      fresh,
      sources,
      q,
      (r: RecordedReading) => (r.conventions.has(owner.name) ? recorded(r.ruleWindow) : raw()),
      (l) => l.quantile ?? "",
    );
  // Not measured (no series) where the histogram has no status label to split by.
  const latency = (o: Outcome) =>
    measuresLatencyOf(owner, o)
      ? read(
          (w) => recordedLatencyQuantiles(owner, scope, w, o),
          () => conventionLatencyQuantiles(owner, scope, o),
        )
      : Promise.resolve([]);
  const owned = new Map([[serviceKey(id), ownerName]]);
  // The current values and the range series need only the resolved service: one round trip for both.
  const [current, rate, errors, latAll, latOk, latFail, byCode, byRoute, byInstance, slos] = await Promise.all([
    currentValues(deps, t, [owner], fresh, owned, { reader, sources }, id),
    read(
      (w) => recordedRequestRate(owner, scope, w),
      () => conventionRequestRate(owner, scope),
    ),
    read(
      (w) => recordedErrorRatio(owner, scope, w),
      () => conventionErrorRatio(owner, scope),
    ),
    latency("all"),
    latency("success"),
    latency("failure"),
    range(requestRateBy(owner, scope, owner.statusLabel)),
    owner.routeLabel ? range(requestRateBy(owner, scope, owner.routeLabel)) : Promise.resolve(null),
    range(requestRateBy(owner, scope, owner.instanceLabel)),
    // The list's window queries over every convention in use (the same text, one cache entry), kept to this service.
    serviceSlos(deps, t, inUse, fresh, known, id, owner),
  ]);
  const [service] = current;
  if (!service) throw new Error(`service ${serviceKey(id)} has no current values from convention ${ownerName}`);
  const statusCodes = named(byCode, owner.statusLabel);
  return {
    ...rangeAnswerTimes(t),
    ...fresh.summary(),
    ...sources.summary(),
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
    slos,
  };
}
