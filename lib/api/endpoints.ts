import "server-only";
import { activeAlerts } from "@/lib/signals/alerts";
import { servicesOverview, servicesSparklines } from "@/lib/signals/services";
import { slosAnswer } from "@/lib/signals/slos";
import { upstreamReport } from "@/lib/signals/upstream-report";
import { serviceDetail } from "@/lib/signals/service-detail";
import { serviceId } from "@/lib/identity/service-identity";
import type { ServicesResponse } from "@/lib/model/types";
import { ruleFileParams, ruleFileRequest } from "@/lib/rules/rule-file";
import { servedRuleFile } from "@/lib/rules/served";
import { signalDeps, withRequestTimes, withTimes } from "./context";
import { previousLiveAnswer, watchLive } from "./live-warmer";
import { labelValueParam, parseName, parseQuery, seriesParam, timeParams } from "./params";
import type { TimeInput } from "./query-times";

/** The overview's current values for these times as of `nowSeconds` (default now). */
function currentValuesAt(time: TimeInput, nowSeconds?: number) {
  const { deps, times } = withTimes(time, nowSeconds);
  return servicesOverview(deps, times, { series: false });
}

/**
 * Keeps a live viewer's current values warm for the next polls, whether asked alone, with the
 * sparklines or beside them. The sparklines are not: a range moves on by whole steps, not slots.
 */
function watchCurrentValues(time: TimeInput): void {
  watchLive("services", time, (now) => currentValuesAt(time, now));
}

/** GET /api/v1/services */
export async function getServices(request: Request) {
  const { series, ...time } = parseQuery(new URL(request.url), { ...timeParams, series: seriesParam.optional() });
  const { deps, times } = withTimes(time);
  // While a tick computes this slot's current values, the last slot's are answered at once.
  const previous =
    series === undefined ? (previousLiveAnswer("services", time) as ServicesResponse | undefined) : undefined;
  watchCurrentValues(time);
  if (previous) return previous;
  if (series === "only") return servicesSparklines(deps, times);
  return servicesOverview(deps, times, { series: series ?? false });
}

/**
 * What `GET /api/v1/services` answers for these times (current values, no series), for a page that
 * the server renders with its data already in it. Throws as the route would (an ApiError for bad times).
 */
export async function servicesCurrentValues(time: TimeInput) {
  const answer = currentValuesAt(time);
  watchCurrentValues(time);
  return answer;
}

/** GET /api/v1/services/{name}?namespace= */
export async function getService(request: Request, params: Record<string, string>) {
  const name = parseName(params.name ?? "", "name");
  const { namespace, ...time } = parseQuery(new URL(request.url), {
    ...timeParams,
    namespace: labelValueParam.optional(),
  });
  const { deps, times } = withTimes(time);
  return serviceDetail(deps, times, serviceId({ name, namespace }));
}

/** GET /api/v1/slos?at=: every SLO at `at`, worst budget first. */
export async function getSlos(request: Request) {
  const { deps, times } = withRequestTimes(request);
  return slosAnswer(deps, times);
}

/** GET /api/v1/alerts */
export async function getAlerts(request: Request) {
  // Alerts are always the current ones; the time parameters are still checked like everywhere.
  const { deps } = withRequestTimes(request);
  watchLive("alerts", {}, (now) => activeAlerts(signalDeps(), now));
  return activeAlerts(deps, Date.now() / 1000);
}

/** GET /api/v1/status */
export async function getStatus(request: Request) {
  parseQuery(new URL(request.url), {});
  return upstreamReport(signalDeps(), Date.now() / 1000);
}

/** GET /api/v1/rules?format=prometheus|prometheus-operator&name=&namespace=: the recording rules, as YAML. */
export async function getRules(request: Request) {
  const r = ruleFileRequest(parseQuery(new URL(request.url), ruleFileParams));
  const text = await servedRuleFile(signalDeps(), r);
  return new Response(text, { headers: { "Content-Type": "application/yaml; charset=utf-8" } });
}
