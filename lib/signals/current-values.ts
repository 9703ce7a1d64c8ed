import type { Convention } from "@/lib/config/schema";
import { compareWorstFirst } from "@/lib/model/service-order";
import type { ServiceSummary } from "@/lib/model/types";
import type { QueryTimes } from "@/lib/model/query-times";
import { parseServiceKey, type ServiceId } from "@/lib/identity/service-identity";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import { firingAlerts } from "@/lib/promql/alerts";
import { failedRequestRateRead, latencyBucketsRead, requestRateRead } from "@/lib/promql/recorded-read";
import { targetsUpByJob } from "@/lib/promql/targets";
import { firingAlertsByService } from "./alerts";
import { allConventions } from "./conventions";
import type { SignalDeps } from "./discovery";
import type { FreshnessTracker } from "./freshness";
import { addBuckets, bucketsOf, latencyOf, type Bucket } from "./histogram";
import { ownedValues, type Owners } from "./ownership";
import type { RecordedReader } from "./recorded-coverage";
import { readingSource, type SourceTracker } from "./signal-source";
import { classifyService } from "./service-status";

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

/** How a request reads recorded series: what covers what, and where the answer notes its sources. */
export interface Recorded {
  reader: RecordedReader;
  sources: SourceTracker;
}

/**
 * Current RED values and status of the services in `owners` (discoverServices), each from its
 * owning convention, evaluated at `t.at` over `t.currentWindow`, whatever the range: the list and a
 * service's page answer the same question, so they agree. Six instant queries whatever the number
 * of services, asked while `owners` is still being found. The four RED ones read the conventions
 * whose rules cover `t.at` from recorded series, in the same query as the others' raw ones. Where a convention's histogram has no status
 * label, its latency is of all requests and the split by outcome is null. With `only` (a service already resolved,
 * and its owner alone in `conventions`), the queries are narrowed to that service.
 */
export async function currentValues(
  deps: SignalDeps,
  t: QueryTimes,
  conventions: readonly Convention[],
  fresh: FreshnessTracker,
  owned: Owners | Promise<Owners>,
  recorded: Recorded,
  only?: ServiceId,
): Promise<ServiceSummary[]> {
  const scope = { window: t.currentWindow, ...(only === undefined ? {} : { service: only }) };
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  const instant = (q: string) => deps.upstream.instant(q, t.at, ttl).then((a) => fresh.take(a));
  const reading = recorded.reader.instant(conventions, t.at, t.currentWindow);
  recorded.sources.note(
    readingSource(
      conventions.map((c) => c.name),
      reading,
    ),
  );
  const [owners, rate, failed, bucketsOk, bucketsFail, targets, alerts] = await Promise.all([
    owned,
    instant(requestRateRead(conventions, scope, reading)),
    instant(failedRequestRateRead(conventions, scope, reading)),
    instant(latencyBucketsRead(conventions, scope, "headline", reading)),
    instant(latencyBucketsRead(conventions, scope, "failure", reading)),
    instant(targetsUpByJob()),
    instant(firingAlerts()),
  ]);

  const byKey = {
    rate: ownedValues(rate, owners),
    failed: ownedValues(failed, owners),
    ok: bucketsByKey(bucketsOk, owners),
    fail: bucketsByKey(bucketsFail, owners),
  };
  const upByJob = targetCounts(targets);
  // Alerts are mapped with every convention's labels, as /api/v1/alerts maps them, whichever are queried.
  const alertsOf = firingAlertsByService(alerts, allConventions(deps.cfg));
  const conventionByName = new Map(conventions.map((c) => [c.name, c]));

  const services: ServiceSummary[] = [...owners.entries()].map(([key, convName]) => {
    const conv = conventionByName.get(convName);
    const id = parseServiceKey(key);
    const { name, namespace } = id;
    const scale = conv?.durationUnit === "milliseconds" ? 1 / 1000 : 1;
    const byOutcome = conv?.durationHasStatus ?? true;
    // Without a status label on the histogram, the headline buckets are of all requests.
    const ok = byOutcome ? (byKey.ok.get(key) ?? []) : [];
    const fail = byKey.fail.get(key) ?? [];
    const all = byOutcome ? addBuckets(ok, fail) : (byKey.ok.get(key) ?? []);
    const requestRate = byKey.rate.get(key)?.[0]?.value ?? null;
    const summary: ServiceSummary = {
      name,
      ...(namespace ? { namespace } : {}),
      convention: convName,
      requestRate,
      errorRatio: errorRatioOf(requestRate, byKey.failed.get(key)?.[0]?.value ?? null),
      latency: latencyOf(all, scale),
      latencyByOutcome: byOutcome,
      latencySuccess: latencyOf(ok, scale),
      latencyFailure: latencyOf(fail, scale),
      instances: conv?.serviceLabel === "job" ? (upByJob.get(name) ?? null) : null,
      status: "ok",
      statusReasons: [],
    };
    const verdict = classifyService(
      { ...summary, p99: summary.latency.p99, alerts: alertsOf(id) },
      deps.cfg.services.thresholds,
    );
    summary.status = verdict.status;
    summary.statusReasons = verdict.reasons;
    return summary;
  });
  services.sort(compareWorstFirst);
  return services;
}
