import type { Convention } from "@/lib/config/schema";
import { serviceIdentity } from "@/lib/api/sparklines";
import { compareWorstFirst } from "@/lib/model/service-order";
import type { ServiceSummary } from "@/lib/model/types";
import type { QueryTimes } from "@/lib/model/query-times";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import { firingAlerts } from "@/lib/promql/alerts";
import { failedRequestRateByService, latencyBucketsByService, requestRateByService, servicesSeen } from "@/lib/promql/red";
import { targetsUpByJob } from "@/lib/promql/targets";
import { firingAlertsByService } from "./alerts";
import type { SignalDeps } from "./discovery";
import type { FreshnessTracker } from "./freshness";
import { addBuckets, bucketsOf, latencyOf, type Bucket } from "./histogram";
import { assignOwners, ownedValues } from "./ownership";
import { classifyService } from "./service-status";

/** How far back a service that stopped answering is still listed (as down or idle). */
export const SEEN_LOOKBACK_SECONDS = 6 * 3600;

/**
 * Error ratio from the two rates: 0 where requests came but none failed (no failed series), null
 * where none came (0 / 0), as docs/definitions.md's `failed / all` with the missing numerator filled.
 * Range series get the same ratio from PromQL (conventionErrorRatio in lib/promql/red.ts); the two
 * are documented side by side in docs/definitions.md, and a change to one is a change to both.
 */
export function errorRatioOf(all: number | null, failed: number | null): number | null {
  if (all === null || !(all > 0)) return null;
  return (failed ?? 0) / all;
}

/** Each owned service's buckets, added over the series of one answer. */
function bucketsByKey(series: readonly InstantSeries[], owners: Map<string, string>): Map<string, Bucket[]> {
  return new Map([...ownedValues(series, owners)].map(([key, s]) => [key, bucketsOf(s)]));
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

/**
 * Current RED values and status of every discovered service (or of the services named `service`),
 * evaluated at `t.at` over `t.currentWindow`, whatever the range: the list and a service's page
 * answer the same question, so they agree. Seven instant queries whatever the number of services.
 */
export async function currentValues(deps: SignalDeps, t: QueryTimes, inUse: Convention[], fresh: FreshnessTracker, service?: string): Promise<ServiceSummary[]> {
  const scope = { window: t.currentWindow, ...(service === undefined ? {} : { service }) };
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  const instant = (q: string, at = t.at) => deps.upstream.instant(q, at, ttl).then((a) => fresh.take(a));
  // One service's page looks for it anywhere in its range up to the end, so a link to an instant
  // before the service's first request still opens on it (idle then). The list asks at `at` alone,
  // so that every viewer of one instant shares all seven queries, even while "now" moves on.
  const seenAt = service === undefined ? t.at : Math.max(t.at, t.end);
  // The range's length, not seenAt − from: that moves with "now"'s alignment, and a query text that
  // changes from one poll to the next has no cache entry to share and no last good copy to serve stale.
  const lookback = Math.min(SEEN_LOOKBACK_SECONDS, Math.max(t.currentWindow, Math.round(t.to - t.from)));
  const [seen, rate, failed, bucketsOk, bucketsFail, targets, alerts] = await Promise.all([
    instant(servicesSeen(inUse, lookback, service), seenAt),
    instant(requestRateByService(inUse, scope)),
    instant(failedRequestRateByService(inUse, scope)),
    instant(latencyBucketsByService(inUse, scope, "success")),
    instant(latencyBucketsByService(inUse, scope, "failure")),
    instant(targetsUpByJob()),
    instant(firingAlerts()),
  ]);

  const owners = assignOwners(inUse, [...seen, ...rate, ...bucketsOk, ...bucketsFail].map((s) => s.labels));
  const byKey = {
    rate: ownedValues(rate, owners),
    failed: ownedValues(failed, owners),
    ok: bucketsByKey(bucketsOk, owners),
    fail: bucketsByKey(bucketsFail, owners),
  };
  const upByJob = targetCounts(targets);
  const alertsOf = firingAlertsByService(alerts, inUse);
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
    const verdict = classifyService({ ...summary, p99: summary.latency.p99, alerts: alertsOf(name, namespace) }, deps.cfg.services.thresholds);
    summary.status = verdict.status;
    summary.statusReasons = verdict.reasons;
    return summary;
  });
  services.sort(compareWorstFirst);
  return services;
}
