import "server-only";
import { getConfig } from "@/lib/config";
import type { QueryTimes } from "@/lib/model/query-times";
import { getUpstream } from "@/lib/prometheus/upstream";
import type { SignalDeps } from "@/lib/signals/discovery";
import { parseQuery, timeParams } from "./params";
import { queryTimesNow, type TimeInput } from "./query-times";

/** The upstream and the configuration every endpoint works from. */
export function signalDeps(): SignalDeps {
  return { upstream: getUpstream(), cfg: getConfig() };
}

/**
 * signalDeps with the request's times resolved at `nowSeconds` (default now) against the
 * configuration's limits (a 400 for bad times).
 */
export function withTimes(time: TimeInput, nowSeconds?: number): { deps: SignalDeps; times: QueryTimes } {
  const deps = signalDeps();
  return { deps, times: queryTimesNow(deps.cfg, time, nowSeconds) };
}

/** withTimes for a request that takes the time parameters and no others. */
export function withRequestTimes(request: Request): { deps: SignalDeps; times: QueryTimes } {
  return withTimes(parseQuery(new URL(request.url), timeParams));
}
