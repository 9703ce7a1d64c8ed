// Every discovered service's SLOs at an instant (README, "JSON API"): the
// histograms' boundaries (one cached query), then one query per window, each over every
// convention, so the number of queries never grows with the number of services.
import type { Config, Convention } from "@/lib/config/schema";
import { combineSources } from "@/lib/model/signal-source";
import type { QueryTimes } from "@/lib/model/query-times";
import type { ServiceSlo, Slo, SlosResponse } from "@/lib/model/slo-types";
import { parseServiceKey, serviceKey, type ServiceId } from "@/lib/identity/service-identity";
import { boundariesOf, bucketBoundaries } from "@/lib/promql/slo";
import { configuredRecordings, sloBoundaries, sloWindowRead } from "@/lib/promql/slo-recorded";
import { sloWindows } from "@/lib/slo/definitions";
import { resolveSlos, sloConfigWarnings, type OwnedService } from "@/lib/slo/resolve";
import { UpstreamError } from "@/lib/prometheus/errors";
import { alignInstant } from "@/lib/time/range";
import { discoverConventions, discoverServices, type SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import type { Owners } from "./ownership";
import { fetchSloRulesRuns, sloRecordedConventions } from "./slo-coverage";
import { sloSeries } from "./slo-series";
import { compareSlos, sloRatesByService, sloState, type SloWindowAnswer } from "./slo-state";

/** Bucket boundaries are configuration, not data: asked about every five minutes, for every page alike. */
const BOUNDARIES_GRANULARITY_SECONDS = 300;

/** Each convention's `le` values as the upstream writes them (bucketBoundaries' answer), by convention name. */
export type ConventionLes = Map<string, string[]>;

/**
 * The `le` values of every convention in use, as the upstream has them about `nowSeconds` (one
 * question, cached five minutes; the last answer is given at once while the next is asked).
 */
export async function fetchBucketBoundaries(
  deps: SignalDeps,
  fresh: FreshnessTracker,
  inUse: readonly Convention[],
  nowSeconds: number,
): Promise<ConventionLes> {
  const at = alignInstant(nowSeconds, BOUNDARIES_GRANULARITY_SECONDS);
  const answer = await deps.upstream.instant(bucketBoundaries(inUse), at, BOUNDARIES_GRANULARITY_SECONDS * 1000, {
    revalidateInBackground: true,
  });
  return boundariesOf(fresh.take(answer));
}

/** The discovered services with the convention that owns each. */
export function ownedServices(inUse: readonly Convention[], owners: Owners): OwnedService[] {
  const byName = new Map(inUse.map((c) => [c.name, c]));
  return [...owners].flatMap(([key, name]) => {
    const convention = byName.get(name);
    return convention ? [{ id: parseServiceKey(key), convention }] : [];
  });
}

/** What sloStates may be given: the bucket boundaries already fetched, and one service to keep. */
export interface SloStateOptions {
  nowSeconds?: number;
  boundaries?: ConventionLes;
  /** Only this service's SLOs (its page); the queries stay the list's. */
  only?: ServiceId;
}

/**
 * The SLOs of the services in `owned` at `t.at`, unsorted: the bucket boundaries and the SLO rules'
 * runs (both cached), then one instant query per window the SLOs need (the seven burn windows and
 * each period in use), each reading from the SLO recording rules the conventions whose rules cover
 * it at `t.at` and raw series for the others (sloWindowRead). The queries are the same whichever
 * service `only` keeps, so one service's page shares the list's. Which rules are ours is decided from
 * every discovered service's SLOs, as the rule file is written.
 */
export async function sloStates(
  deps: SignalDeps,
  t: QueryTimes,
  inUse: readonly Convention[],
  fresh: FreshnessTracker,
  owned: Owners | Promise<Owners>,
  o: SloStateOptions = {},
): Promise<Slo[]> {
  if (inUse.length === 0) return [];
  const now = o.nowSeconds ?? Date.now() / 1000;
  const [les, owners, runs] = await Promise.all([
    o.boundaries ?? fetchBucketBoundaries(deps, fresh, inUse, now),
    owned,
    deps.cfg.recordedSignals.read ? fetchSloRulesRuns(deps, fresh, now) : null,
  ]);
  const all = resolveSlos(deps.cfg, ownedServices(inUse, owners), les);
  const only = o.only && serviceKey(o.only);
  const resolved = only === undefined ? all : all.filter((s) => serviceKey(s.id) === only);
  if (resolved.length === 0) return [];
  const recordings = configuredRecordings(deps.cfg, inUse, les);
  const windows = [...new Set(resolved.flatMap((s) => sloWindows(s.period)))];
  const read = sloBoundaries(recordings);
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  const answers = await Promise.all(
    windows.map(async (w): Promise<[number, SloWindowAnswer]> => {
      const recorded = runs ? sloRecordedConventions(runs, recordings, t.at, w) : new Set<string>();
      const series = fresh.take(await deps.upstream.instant(sloWindowRead(inUse, w, read, recorded), t.at, ttl));
      return [w, { rates: sloRatesByService(series, owners), recorded }];
    }),
  );
  const byWindow = new Map(answers);
  return resolved.map((s) => sloState(s, byWindow, les.get(s.convention.name) ?? []));
}

/** GET /api/v1/slos: every SLO at `t.at`, worst budget first (compareSlos), with the configuration's warnings. */
export async function slosAnswer(deps: SignalDeps, t: QueryTimes): Promise<SlosResponse> {
  const fresh = new FreshnessTracker();
  const { inUse } = await discoverConventions(deps, fresh);
  const owners = discoverServices(deps, t, inUse, fresh);
  const slos = await sloStates(deps, t, inUse, fresh, owners);
  slos.sort(compareSlos);
  return {
    at: t.at,
    ...fresh.summary(),
    source: combineSources(slos.map((s) => s.signalSource)),
    slos,
    configWarnings: sloConfigWarnings(deps.cfg, ownedServices(inUse, await owners)),
  };
}

/** How many SLOs the discovered services have, whatever their boundaries (for /api/v1/status). */
export function sloCount(cfg: Config, services: readonly OwnedService[]): number {
  return resolveSlos(cfg, services, new Map()).length;
}

/**
 * One service's SLOs on its page (`known`: the services discovered, of which it is one): their state
 * from the list's window queries (the same text, one cache entry), each with its SLI over the page's range and its burndown (this service's series only).
 */
export async function serviceSlos(
  deps: SignalDeps,
  t: QueryTimes,
  inUse: readonly Convention[],
  fresh: FreshnessTracker,
  known: Owners,
  id: ServiceId,
  owner: Convention,
  nowSeconds = Date.now() / 1000,
): Promise<ServiceSlo[] | undefined> {
  try {
    const les = await fetchBucketBoundaries(deps, fresh, inUse, nowSeconds);
    const [states, series] = await Promise.all([
      sloStates(deps, t, inUse, fresh, known, { nowSeconds, boundaries: les, only: id }),
      sloSeries(deps, t, resolveSlos(deps.cfg, [{ id, convention: owner }], les), fresh),
    ]);
    return states.map((s) => ({ ...s, ...series.get(s.kind) }));
  } catch (e) {
    // Fleet-wide questions (a 30-day window over every service): their failure costs the page its SLO
    // section, which says so, never the page.
    if (e instanceof UpstreamError) return undefined;
    throw e;
  }
}
