import type { Convention } from "@/lib/config/schema";
import type {
  Latency,
  RecordingRulesHint,
  ServiceSparkline,
  ServiceSparklinesResponse,
  ServicesResponse,
  Values,
} from "@/lib/model/types";
import type { QueryTimes } from "@/lib/model/query-times";
import { parseServiceKey, serviceKey } from "@/lib/identity/service-identity";
import type { RangeSeries } from "@/lib/prometheus/upstream";
import { errorRatioRead, latencyQuantileRead, latencyQuantilesRead, requestRateRead } from "@/lib/promql/recorded-read";
import { allConventions } from "./conventions";
import { currentValues, type Recorded } from "./current-values";
import { discoverConventions, discoverServices, type SignalDeps } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { discoveryHints } from "./metric-suggestions";
import { ownedValues, type Owners } from "./ownership";
import { recordedReader } from "./recorded-coverage";
import { readRange } from "./recorded-range";
import { pointCount, toValues } from "./series";
import { SourceTracker } from "./signal-source";

/** From this many services read from raw series on, the overview suggests installing the recording rules. */
export const RULES_HINT_MIN_SERVICES = 100;

/** The hint for `rawServices` services read from raw series; none below RULES_HINT_MIN_SERVICES. */
export function recordingRulesHints(rawServices: number): RecordingRulesHint[] | undefined {
  if (rawServices < RULES_HINT_MIN_SERVICES) return undefined;
  return [
    { kind: "recording_rules", rawServices, command: "npm run rules > signalboard-rules.yml", href: "/api/v1/rules" },
  ];
}

/** The conventions in use and how this request reads recorded series, found together (independent questions). */
async function discoverWithReader(deps: SignalDeps, fresh: FreshnessTracker) {
  const [found, reader] = await Promise.all([discoverConventions(deps, fresh), recordedReader(deps, fresh)]);
  return { ...found, recorded: { reader, sources: new SourceTracker() } satisfies Recorded };
}

const QUANTILE_FIELD: Record<string, keyof Latency> = { "0.5": "p50", "0.9": "p90", "0.99": "p99" };

/** Current RED values of every discovered service; optionally (`series`) sparklines over the range in the same answer. */
export async function servicesOverview(
  deps: SignalDeps,
  t: QueryTimes,
  opts: { series: boolean },
): Promise<ServicesResponse> {
  const fresh = new FreshnessTracker();
  const { inUse, metricNames, recorded } = await discoverWithReader(deps, fresh);
  const base = { ...answerBase(t, inUse), thresholds: deps.cfg.services.thresholds };
  // An empty answer says what was looked for and what the upstream has instead: no extra query.
  const hints = () => discoveryHints(allConventions(deps.cfg), metricNames);
  if (inUse.length === 0)
    return { ...base, ...fresh.summary(), ...recorded.sources.summary(), services: [], discovery: hints() };

  // One 'seen' answer decides the owners of the values and of the sparklines alike.
  const owners = discoverServices(deps, t, inUse, fresh);
  const [services, sparks] = await Promise.all([
    currentValues(deps, t, inUse, fresh, owners, recorded),
    opts.series ? sparklines(deps, t, inUse, fresh, owners, recorded) : Promise.resolve(undefined),
  ]);
  if (sparks)
    for (const s of services) s.series = sparks.get(serviceKey(s))?.series ?? emptySparkline(pointCount(t.range));
  const current = recorded.reader.instant(inUse, t.at, t.currentWindow).conventions;
  const rulesHints = recordingRulesHints(services.filter((s) => !current.has(s.convention)).length);
  return {
    ...base,
    ...fresh.summary(),
    ...recorded.sources.summary(),
    ...(rulesHints ? { hints: rulesHints } : {}),
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
  const { inUse, recorded } = await discoverWithReader(deps, fresh);
  const base = { ...answerBase(t, inUse), axis: axisOf(t), seriesWindow: t.window };
  if (inUse.length === 0) return { ...base, ...fresh.summary(), ...recorded.sources.summary(), services: [] };
  // The same 'seen' question as the current values' at the same times: one cache entry for both requests.
  const sparks = await sparklines(deps, t, inUse, fresh, discoverServices(deps, t, inUse, fresh), recorded);
  const services = [...sparks.entries()].map(([key, { owner, series }]) => ({
    ...parseServiceKey(key),
    convention: owner,
    series,
  }));
  return { ...base, ...fresh.summary(), ...recorded.sources.summary(), services };
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

/**
 * The four range queries of the sparklines, by service key, each service's from the convention that
 * owns it; each read recorded where the rules cover the range, split once where they began within it.
 */
async function sparklines(
  deps: SignalDeps,
  t: QueryTimes,
  inUse: Convention[],
  fresh: FreshnessTracker,
  owned: Promise<Owners>,
  recorded: Recorded,
): Promise<Map<string, { owner: string; series: ServiceSparkline }>> {
  const scope = { window: t.window };
  const plan = recorded.reader.range(inUse, t.range, t.window);
  const names = inUse.map((c) => c.name);
  const failing = inUse.filter((c) => c.durationHasStatus).map((c) => c.name);
  const range = (build: Parameters<typeof readRange>[4], conventions = names) =>
    readRange(deps, fresh, recorded.sources, { range: t.range, plan, conventions }, build);
  const [owners, rate, errors, latOk, latFail] = await Promise.all([
    owned,
    range((r) => requestRateRead(inUse, scope, r)),
    range((r) => errorRatioRead(inUse, scope, r)),
    range((r) => latencyQuantilesRead(inUse, scope, "headline", r)),
    range((r) => latencyQuantileRead(inUse, scope, 0.99, "failure", r), failing),
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
