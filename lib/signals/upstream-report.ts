// What `GET /api/v1/status` reports: whether the upstream answers, its version, and how discovery
// fared convention by convention, with the reason where one is present but finds nothing.
import type { Convention } from "@/lib/config/schema";
import { serviceKey } from "@/lib/identity/service-identity";
import type { ConventionRules, ConventionStatus, StatusResponse } from "@/lib/model/types";
import { UpstreamError } from "@/lib/prometheus/errors";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import { withoutCredentials } from "@/lib/prometheus/redact-url";
import { CHECK, conventionSeriesCounts, type SeriesCheck } from "@/lib/promql/discovery-checks";
import { CONVENTION, SERVICE } from "@/lib/promql/labels";
import { servicesSeen } from "@/lib/promql/red";
import { formatDuration } from "@/lib/time/parse-time";
import { alignInstant } from "@/lib/time/range";
import { allConventions, conventionsInUse } from "./conventions";
import { discoverConventions, SEEN_LOOKBACK_SECONDS, type SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { assignOwners, serviceIdOf } from "./ownership";
import { conventionRules, fetchRulesRuns, RecordedReader, type RulesAnswer } from "./recorded-coverage";
import { sloConfigWarnings } from "@/lib/slo/resolve";
import { ownedServices, sloCount } from "./slos";

type Labels = Record<string, string>;

/** What discovery saw upstream, as the report needs it. */
export interface DiscoverySeen {
  metricNames: readonly string[];
  /** The servicesSeen answer's labels, every convention's series (before ownership). */
  seen: readonly Labels[];
  /** The conventionSeriesCounts answer about the conventions in use that saw no service. */
  counts: readonly InstantSeries[];
}

/**
 * Each convention's status, in precedence order: whether its metrics exist, how many services it
 * owns after the one ownership rule, for one in use that owns none, why, and its recording rules.
 */
export function conventionStatuses(
  all: readonly Convention[],
  custom: ReadonlySet<string>,
  found: DiscoverySeen,
  lookbackSeconds: number,
  rulesOf: (c: Convention) => ConventionRules = () => NO_RULES,
): ConventionStatus[] {
  const names = new Set(found.metricNames);
  const inUse = conventionsInUse(all, found.metricNames);
  const owners = assignOwners(inUse, found.seen);
  const owned = new Map<string, number>();
  for (const owner of owners.values()) owned.set(owner, (owned.get(owner) ?? 0) + 1);
  return all.map((c) => {
    const services = owned.get(c.name) ?? 0;
    const present = names.has(c.requests);
    return {
      name: c.name,
      custom: custom.has(c.name),
      inUse: present,
      histogram: names.has(`${c.duration}_bucket`),
      services,
      why: present && services === 0 ? whyNone(c, found, owners, lookbackSeconds) : null,
      requests: c.requests,
      duration: c.duration,
      serviceLabel: c.serviceLabel,
      rules: rulesOf(c),
    };
  });
}

const NO_RULES: ConventionRules = { state: "absent", since: null, lastEvaluation: null };

/** Why a convention whose request metric exists owns no service; null when the counts do not tell. */
function whyNone(
  c: Convention,
  found: DiscoverySeen,
  owners: Map<string, string>,
  lookbackSeconds: number,
): string | null {
  const mine = found.seen.filter((l) => l[CONVENTION] === c.name && l[SERVICE]);
  if (mine.length > 0) {
    const firsts = [...new Set(mine.map((l) => owners.get(serviceKey(serviceIdOf(l))) ?? ""))].sort();
    return `the ${mine.length === 1 ? "service" : `${mine.length} services`} it sees ${mine.length === 1 ? "is" : "are"} found first by ${firsts.join(", ")}`;
  }
  const count = (check: SeriesCheck) =>
    found.counts.find((s) => s.labels[CONVENTION] === c.name && s.labels[CHECK] === check)?.value ?? 0;
  if (count("series") === 0) return `no ${c.requests} series in the last ${formatDuration(lookbackSeconds)}`;
  if (count("matched") === 0) {
    const want = Object.entries(c.matchers)
      .map(([k, v]) => `${k}="${v}"`)
      .join(", ");
    return `none of its ${c.requests} series has ${want}`;
  }
  if (count("labelled") === 0) return `none of its ${c.requests} series has the service label "${c.serviceLabel}"`;
  return null;
}

/**
 * Upstream reachability, version, how each convention fared and whether its recording rules run. A
 * constant number of queries: at most five. The rules are asked about even where
 * `recordedSignals.read` is false: this is where one checks them before reading them.
 */
export async function upstreamReport(deps: SignalDeps, nowSeconds: number): Promise<StatusResponse> {
  const cfg = deps.cfg;
  const all = allConventions(cfg);
  const custom = new Set(cfg.services.conventions.map((c) => c.name));
  const lookbackSeconds = SEEN_LOOKBACK_SECONDS;
  const base = {
    scrapeIntervalSeconds: cfg.prometheus.scrapeIntervalSeconds,
    lookbackSeconds,
    thresholds: cfg.services.thresholds,
    limits: cfg.limits,
  };
  try {
    const fresh = new FreshnessTracker();
    // Independent questions: asked together, so the page waits for one round trip, not two.
    const [build, { inUse, metricNames }, runs] = await Promise.all([
      deps.upstream.buildInfo().then((a) => fresh.take(a)),
      discoverConventions(deps, fresh),
      fetchRulesRuns(deps, fresh, nowSeconds),
    ]);
    // Aligned to the scrape interval, so that status requests within one interval share a cache entry.
    const step = cfg.prometheus.scrapeIntervalSeconds;
    const at = alignInstant(nowSeconds, step);
    const ttl = step * 1000;
    const instant = async (q: string) => fresh.take(await deps.upstream.instant(q, at, ttl));
    const seen = inUse.length ? (await instant(servicesSeen(inUse, lookbackSeconds))).map((s) => s.labels) : [];
    const seeing = new Set(seen.filter((l) => l[SERVICE]).map((l) => l[CONVENTION]));
    const blind = inUse.filter((c) => !seeing.has(c.name));
    const counts = blind.length ? await instant(conventionSeriesCounts(blind, lookbackSeconds)) : [];
    const { stale, staleReason } = fresh.summary();
    const owned = ownedServices(inUse, assignOwners(inUse, seen));
    return {
      ...base,
      upstream: {
        url: withoutCredentials(cfg.prometheus.url),
        reachable: !stale,
        version: build.version ?? null,
        error: stale ? `${staleReason ?? "not answering"}; showing the last known state` : null,
      },
      conventions: conventionStatuses(all, custom, { metricNames, seen, counts }, lookbackSeconds, rulesOf(deps, runs)),
      slos: { count: sloCount(cfg, owned), warnings: sloConfigWarnings(cfg, owned) },
    };
  } catch (e) {
    if (!(e instanceof UpstreamError)) throw e;
    return {
      ...base,
      upstream: { url: withoutCredentials(cfg.prometheus.url), reachable: false, version: null, error: e.message },
      conventions: conventionStatuses(all, custom, { metricNames: [], seen: [], counts: [] }, lookbackSeconds),
      // What was discovered is unknown: an entry would be warned of as matching nothing.
      slos: { count: 0, warnings: [] },
    };
  }
}

/** Each convention's rules against the definition signalboard would write for it today. */
function rulesOf(deps: SignalDeps, answer: RulesAnswer): (c: Convention) => ConventionRules {
  const reader = new RecordedReader(answer, deps);
  return (c) => conventionRules(answer.runs, c, reader.definition(c));
}
