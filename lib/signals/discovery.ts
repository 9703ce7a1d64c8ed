import { AmbiguousError, NotFoundError } from "@/lib/errors";
import type { QueryTimes } from "@/lib/model/query-times";
import type { Config, Convention } from "@/lib/config/schema";
import {
  parseServiceKey,
  resolveService,
  serviceCandidate,
  serviceKey,
  type ServiceId,
} from "@/lib/identity/service-identity";
import type { Upstream } from "@/lib/prometheus/upstream";
import { servicesSeen } from "@/lib/promql/red";
import { allConventions, conventionsInUse } from "./conventions";
import type { FreshnessTracker } from "./freshness";
import { assignOwners, type Owners } from "./ownership";

export interface SignalDeps {
  upstream: Upstream;
  cfg: Config;
}

/** How far back a service that stopped answering is still listed (as down or idle). */
export const SEEN_LOOKBACK_SECONDS = 6 * 3600;

/** The conventions whose metrics exist upstream, in precedence order. One cached upstream call. */
export async function discoverConventions(
  deps: SignalDeps,
  fresh: FreshnessTracker,
): Promise<{ inUse: Convention[]; metricNames: string[] }> {
  const metricNames = fresh.take(await deps.upstream.metricNames());
  return { inUse: conventionsInUse(allConventions(deps.cfg), metricNames), metricNames };
}

/**
 * Every service seen before `seenAt`, with the convention that owns it (assignOwners): one instant
 * query without any service name in it, cached and shared by every request about the same instant
 * and range length. It looks back over the range's length, not seenAt − from: that moves with
 * "now"'s alignment, and a query text that changes from one poll to the next has no cache entry to
 * share and no last good copy to serve stale.
 */
export async function discoverServices(
  deps: SignalDeps,
  t: QueryTimes,
  inUse: readonly Convention[],
  fresh: FreshnessTracker,
  seenAt = t.at,
): Promise<Owners> {
  if (inUse.length === 0) return new Map();
  const lookback = Math.min(SEEN_LOOKBACK_SECONDS, Math.max(t.currentWindow, Math.round(t.to - t.from)));
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  const seen = fresh.take(await deps.upstream.instant(servicesSeen(inUse, lookback), seenAt, ttl));
  return assignOwners(
    inUse,
    seen.map((s) => s.labels),
  );
}

/**
 * The service a request names, found among the discovered ones with its owner: 404 when there is
 * none (so a made-up name is never sent upstream), 409 with the candidates when the name is in
 * several namespaces and the request did not say which.
 */
export function resolveKnownService(owners: Owners, asked: ServiceId): { id: ServiceId; owner: string } {
  const known = [...owners.keys()].map(parseServiceKey);
  const found = resolveService(known, asked);
  if (found.kind === "found") return { id: found.id, owner: owners.get(serviceKey(found.id)) ?? "" };
  if (found.kind === "ambiguous") {
    const where = found.candidates.map((c) => c.namespace ?? "(none)").join(", ");
    throw new AmbiguousError(
      "ambiguous_service",
      `"${asked.name}" names a service in several namespaces (${where}); say which with ?namespace=`,
      "namespace",
      found.candidates.map(serviceCandidate),
    );
  }
  if (asked.namespace === undefined)
    throw new NotFoundError(
      "service_not_found",
      `no service named "${asked.name}" has requests between from and to`,
      "name",
    );
  // The name alone may be known: then the namespace is what is wrong.
  const elsewhere = resolveService(known, { name: asked.name }).kind !== "missing";
  throw new NotFoundError(
    "service_not_found",
    `no service named "${asked.name}" in namespace "${asked.namespace}" has requests between from and to`,
    elsewhere ? "namespace" : "name",
  );
}
