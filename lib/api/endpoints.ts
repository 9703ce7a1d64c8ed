import "server-only";
import { activeAlerts } from "@/lib/signals/alerts";
import { servicesOverview, servicesSparklines } from "@/lib/signals/services";
import { upstreamReport } from "@/lib/signals/upstream-report";
import { serviceDetail } from "@/lib/signals/service-detail";
import { serviceId } from "@/lib/identity/service-identity";
import { ruleFileParams, ruleFileRequest } from "@/lib/rules/rule-file";
import { servedRuleFile } from "@/lib/rules/served";
import { signalDeps, withRequestTimes, withTimes } from "./context";
import { labelValueParam, parseName, parseQuery, seriesParam, timeParams } from "./params";
import type { TimeInput } from "./query-times";

/** GET /api/v1/services */
export async function getServices(request: Request) {
  const q = parseQuery(new URL(request.url), { ...timeParams, series: seriesParam.optional() });
  const { deps, times } = withTimes(q);
  if (q.series === "only") return servicesSparklines(deps, times);
  return servicesOverview(deps, times, { series: q.series ?? false });
}

/**
 * What `GET /api/v1/services` answers for these times (current values, no series), for a page that
 * the server renders with its data already in it. Throws as the route would (an ApiError for bad times).
 */
export async function servicesCurrentValues(time: TimeInput) {
  const { deps, times } = withTimes(time);
  return servicesOverview(deps, times, { series: false });
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

/** GET /api/v1/alerts */
export async function getAlerts(request: Request) {
  // Alerts are always the current ones; the time parameters are still checked like everywhere.
  const { deps } = withRequestTimes(request);
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
