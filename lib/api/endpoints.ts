import "server-only";
import { getConfig } from "@/lib/config";
import { getUpstream } from "@/lib/prometheus/upstream";
import type { SignalDeps } from "@/lib/signals/discovery";
import { activeAlerts } from "@/lib/signals/alerts";
import { servicesOverview, servicesSparklines } from "@/lib/signals/services";
import { statusReport } from "@/lib/signals/status-report";
import { serviceDetail } from "@/lib/signals/service-detail";
import { serviceId } from "@/lib/identity/service-identity";
import { labelValueParam, parseName, parseQuery, seriesParam, timeParams } from "./params";
import { queryTimesNow, type TimeInput } from "./query-times";

function deps(): SignalDeps {
  return { upstream: getUpstream(), cfg: getConfig() };
}


/** GET /api/v1/services */
export async function getServices(request: Request) {
  const q = parseQuery(new URL(request.url), { ...timeParams, series: seriesParam.optional() });
  const d = deps();
  if (q.series === "only") return servicesSparklines(d, queryTimesNow(d.cfg, q));
  return servicesOverview(d, queryTimesNow(d.cfg, q), { series: q.series ?? false });
}

/**
 * What `GET /api/v1/services` answers for these times (current values, no series), for a page that
 * the server renders with its data already in it. Throws as the route would (an ApiError for bad times).
 */
export async function servicesCurrentValues(time: TimeInput) {
  const d = deps();
  return servicesOverview(d, queryTimesNow(d.cfg, time), { series: false });
}

/** GET /api/v1/services/{name}?namespace= */
export async function getService(request: Request, params: Record<string, string>) {
  const name = parseName(params.name ?? "", "name");
  const { namespace, ...time } = parseQuery(new URL(request.url), { ...timeParams, namespace: labelValueParam.optional() });
  const d = deps();
  return serviceDetail(d, queryTimesNow(d.cfg, time), serviceId({ name, namespace }));
}

/** GET /api/v1/alerts */
export async function getAlerts(request: Request) {
  const d = deps();
  // Alerts are always the current ones; the time parameters are still checked like everywhere.
  queryTimesNow(d.cfg, parseQuery(new URL(request.url), timeParams));
  return activeAlerts(d, Date.now() / 1000);
}

/** GET /api/v1/status */
export async function getStatus(request: Request) {
  parseQuery(new URL(request.url), {});
  return statusReport(deps(), Date.now() / 1000);
}
