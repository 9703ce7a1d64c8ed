import "server-only";
import { AmbiguousError } from "@/lib/errors";
import { activeAlerts } from "@/lib/signals/alerts";
import { servicesOverview, servicesSparklines } from "@/lib/signals/services";
import { slosAnswer } from "@/lib/signals/slos";
import { upstreamReport } from "@/lib/signals/upstream-report";
import { serviceDetail } from "@/lib/signals/service-detail";
import { discoverConventions, discoverServices } from "@/lib/signals/discovery";
import { FreshnessTracker } from "@/lib/signals/freshness";
import { withoutCredentials } from "@/lib/prometheus/redact-url";
import {
  parseServiceKey,
  resolveService,
  serviceId,
  serviceCandidate,
  SINGLE_SOURCE,
  type ServiceId,
} from "@/lib/identity/service-identity";
import type { ServiceDetailResponse, ServicesResponse, StatusResponse } from "@/lib/model/types";
import { ruleFileParams, ruleFileRequest } from "@/lib/rules/rule-file";
import { servedRuleFile } from "@/lib/rules/served";
import {
  signalDeps,
  sourceParams,
  sourceViews,
  timeAndSource,
  withRequestTimes,
  withTimes,
  type SourceAsk,
} from "./context";
import { previousLiveAnswer, watchLive } from "./live-warmer";
import { labelValueParam, parseName, parseQuery, seriesParam, timeParams } from "./params";
import type { TimeInput } from "./query-times";
import { gather, mergeAlerts, mergeServices, mergeSlos, mergeSparklines, sourceKnowing } from "./sources";

/** The live warmer's name for a question: its kind, and the source when one is asked. */
export const liveKind = (kind: string, source: string | undefined) => (source ? `${kind}|${source}` : kind);

/**
 * The overview's current values for these times as of `nowSeconds` (default now), across the sources
 * asked. Not async: bad times or an unknown source throw here, before the question is kept warm.
 */
function currentValuesAt(time: TimeInput, source: string | undefined, nowSeconds?: number) {
  const asks = withTimes(time, source, nowSeconds);
  return gather(asks, (s) => servicesOverview(s.deps, s.times, { series: false })).then(mergeServices);
}

/**
 * Keeps a live viewer's current values warm for the next polls, whether asked alone, with the
 * sparklines or beside them: one warm computes every source asked. The sparklines are not: a
 * range moves on by whole steps, not slots.
 */
function watchCurrentValues(time: TimeInput, source: string | undefined): void {
  watchLive(liveKind("services", source), time, (now) => currentValuesAt(time, source, now));
}

/** GET /api/v1/services */
export async function getServices(request: Request) {
  const { series, source, ...time } = parseQuery(new URL(request.url), {
    ...timeParams,
    ...sourceParams,
    series: seriesParam.optional(),
  });
  const asks = withTimes(time, source);
  // While a tick computes this slot's current values, the last slot's are answered at once.
  const previous =
    series === undefined
      ? (previousLiveAnswer(liveKind("services", source), time) as ServicesResponse | undefined)
      : undefined;
  watchCurrentValues(time, source);
  if (previous) return previous;
  if (series === "only") return mergeSparklines(await gather(asks, (s) => servicesSparklines(s.deps, s.times)));
  return mergeServices(await gather(asks, (s) => servicesOverview(s.deps, s.times, { series: series ?? false })));
}

/**
 * What `GET /api/v1/services` answers for these times (current values, no series), for a page that
 * the server renders with its data already in it. Throws as the route would (an ApiError for bad
 * times or an unknown source).
 */
export async function servicesCurrentValues(time: TimeInput, source?: string) {
  const answer = currentValuesAt(time, source);
  watchCurrentValues(time, source);
  return answer;
}

/**
 * Which of the sources asked knows the service: without `source=` and with several sources, the one
 * source that knows the name; several is a 409 whose candidates' links carry `source=`. A source
 * whose upstream fails counts as not knowing it; none knowing it is the first source's 404.
 */
async function sourceOfService(asks: readonly SourceAsk[], asked: ServiceId): Promise<SourceAsk> {
  return sourceKnowing(
    asks,
    async (s) => {
      const fresh = new FreshnessTracker();
      const { inUse } = await discoverConventions(s.deps, fresh);
      const owners = await discoverServices(s.deps, s.times, inUse, fresh, Math.max(s.times.at, s.times.end));
      return [...owners.keys()]
        .map(parseServiceKey)
        .filter((k) => resolveService([k], asked).kind === "found")
        .map((k) => serviceId({ ...k, source: s.name }));
    },
    (knowing, candidates) =>
      new AmbiguousError(
        "ambiguous_service",
        `"${asked.name}" names a service in several sources (${knowing.map((s) => s.name).join(", ")}); say which with ?source=`,
        "source",
        candidates.map(serviceCandidate),
      ),
  );
}

/**
 * A 409 of one source (a name in several of its namespaces), its candidates' links naming that
 * source; the single `prometheus:` block's answer is left as it is (its links never name it).
 */
function candidatesIn(e: AmbiguousError, source: string): AmbiguousError {
  if (source === SINGLE_SOURCE) return e;
  const candidates = e.candidates.map((c) => serviceCandidate(serviceId({ ...c, source })));
  return new AmbiguousError(e.code, e.message, e.param, candidates);
}

/** GET /api/v1/services/{name}?namespace=&source= */
export async function getService(request: Request, params: Record<string, string>) {
  const name = parseName(params.name ?? "", "name");
  const { namespace, source, ...time } = parseQuery(new URL(request.url), {
    ...timeParams,
    ...sourceParams,
    namespace: labelValueParam.optional(),
  });
  const asked = serviceId({ name, namespace });
  const s = await sourceOfService(withTimes(time, source), asked);
  const answer = await serviceDetail(s.deps, s.times, asked).catch((e: unknown) => {
    throw e instanceof AmbiguousError ? candidatesIn(e, s.name) : e;
  });
  const from = { source: s.name, stale: answer.stale };
  return {
    ...answer,
    service: { ...answer.service, ...from },
    ...(answer.slos ? { slos: answer.slos.map((x) => ({ ...x, ...from })) } : {}),
  } satisfies ServiceDetailResponse;
}

/** GET /api/v1/slos?at=&source=: every SLO at `at`, worst budget first, across the sources asked. */
export async function getSlos(request: Request) {
  return mergeSlos(await gather(withRequestTimes(request), (s) => slosAnswer(s.deps, s.times)));
}

/** The current alerts of the sources asked, merged. */
async function alertsOf(source: string | undefined, nowSeconds: number) {
  return mergeAlerts(await gather(sourceViews(source), (s) => activeAlerts(s.deps, nowSeconds)));
}

/** GET /api/v1/alerts?source= */
export async function getAlerts(request: Request) {
  // Alerts are always the current ones; the time parameters are still checked like everywhere.
  const { source } = timeAndSource(request);
  withRequestTimes(request);
  watchLive(liveKind("alerts", source), {}, (now) => alertsOf(source, now));
  return alertsOf(source, Date.now() / 1000);
}

/**
 * GET /api/v1/status?source=: the report of one source (`source=`, else the first configured), and
 * every source asked with its reachability and version (each at most five queries, as before).
 */
export async function getStatus(request: Request): Promise<StatusResponse> {
  const { source } = parseQuery(new URL(request.url), sourceParams);
  const now = Date.now() / 1000;
  const views = sourceViews(source);
  const reports = await Promise.all(views.map((v) => upstreamReport(v.deps, now)));
  const sources = reports.map((r, i) => {
    const cfg = (views[i] as (typeof views)[number]).deps.cfg;
    const selector = cfg.sources.find((s) => s.name === views[i]?.name)?.selector;
    return {
      name: views[i]?.name ?? "",
      url: withoutCredentials(cfg.prometheus.url),
      ...(selector ? { selector } : {}),
      reachable: r.upstream.reachable,
      version: r.upstream.version,
      ...(r.upstream.error ? { error: r.upstream.error } : {}),
    };
  });
  return { ...(reports[0] as StatusResponse), sources };
}

/**
 * GET /api/v1/rules?format=prometheus|prometheus-operator&name=&namespace=&source=: the recording
 * rules, as YAML. One source's (`source=`, else the first configured): the rules are written for the
 * conventions and SLOs a source has, and each Prometheus loads its own file.
 */
export async function getRules(request: Request) {
  const { source, ...p } = parseQuery(new URL(request.url), { ...ruleFileParams, ...sourceParams });
  const text = await servedRuleFile(signalDeps(source), ruleFileRequest(p));
  return new Response(text, { headers: { "Content-Type": "application/yaml; charset=utf-8" } });
}
