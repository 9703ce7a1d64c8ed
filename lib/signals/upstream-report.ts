// What `GET /api/v1/status` reports: whether the upstream answers, its version, and which conventions found services.
import type { StatusResponse } from "@/lib/model/types";
import { UpstreamError } from "@/lib/prometheus/errors";
import { withoutCredentials } from "@/lib/prometheus/redact-url";
import { requestRateByService } from "@/lib/promql/red";
import { rateWindow } from "@/lib/time/range";
import { allConventions, conventionsInUse } from "./conventions";
import type { SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { assignOwners } from "./ownership";

/** Upstream reachability, version and which conventions found how many services. */
export async function upstreamReport(deps: SignalDeps, nowSeconds: number): Promise<StatusResponse> {
  const cfg = deps.cfg;
  const all = allConventions(cfg);
  const base = {
    scrapeIntervalSeconds: cfg.prometheus.scrapeIntervalSeconds,
    thresholds: cfg.services.thresholds,
    limits: cfg.limits,
  };
  const listed = (inUse: Set<string>, counts: Map<string, number>) =>
    all.map((c) => ({
      name: c.name,
      inUse: inUse.has(c.name),
      services: counts.get(c.name) ?? 0,
      requests: c.requests,
      duration: c.duration,
      serviceLabel: c.serviceLabel,
    }));
  try {
    const fresh = new FreshnessTracker();
    const build = fresh.take(await deps.upstream.buildInfo());
    const inUse = conventionsInUse(all, fresh.take(await deps.upstream.metricNames()));
    const window = rateWindow(cfg.prometheus.scrapeIntervalSeconds, cfg.prometheus.scrapeIntervalSeconds);
    const rates = inUse.length
      ? fresh.take(await deps.upstream.instant(requestRateByService(inUse, { window }), Math.floor(nowSeconds), 10_000))
      : [];
    const counts = new Map<string, number>();
    for (const owner of assignOwners(
      inUse,
      rates.map((r) => r.labels),
    ).values())
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    const stale = fresh.summary().stale;
    return {
      ...base,
      upstream: {
        url: withoutCredentials(cfg.prometheus.url),
        reachable: !stale,
        version: build.version ?? null,
        error: stale ? "not answering; showing the last known state" : null,
      },
      conventions: listed(new Set(inUse.map((c) => c.name)), counts),
    };
  } catch (e) {
    if (!(e instanceof UpstreamError)) throw e;
    return {
      ...base,
      upstream: { url: withoutCredentials(cfg.prometheus.url), reachable: false, version: null, error: e.message },
      conventions: listed(new Set(), new Map()),
    };
  }
}
