import "server-only";
import { z } from "zod";
import type { QueryTimes } from "@/lib/model/query-times";
import { getUpstreams } from "@/lib/prometheus/upstream";
import type { SignalDeps } from "@/lib/signals/discovery";
import { ApiError } from "./errors";
import { MAX_PARAM_LENGTH, parseQuery, timeParams } from "./params";
import { queryTimesNow, type TimeInput } from "./query-times";

/** `source=` on every route: one configured source's name; checked against the configuration by sourceViews. */
export const sourceParams = { source: z.string().min(1).max(MAX_PARAM_LENGTH).optional() };

/**
 * One source as an endpoint works from it: its Upstream and a configuration view whose `prometheus`
 * is that source's block, so every `deps.cfg.prometheus.*` of the domain is the source's own.
 */
export interface SourceView {
  name: string;
  deps: SignalDeps;
}

/** A SourceView with the request's times resolved against that source's scrape interval. */
export interface SourceAsk extends SourceView {
  times: QueryTimes;
}

/**
 * The configured sources, in order; with `only`, that one: a name not configured is a 400 listing
 * the configured ones (it is never sent upstream).
 */
export function sourceViews(only?: string): SourceView[] {
  const all = getUpstreams();
  const picked = only === undefined ? all : all.filter((s) => s.source.name === only);
  if (picked.length === 0)
    throw new ApiError(
      400,
      "invalid_param",
      `source: no source is named ${JSON.stringify(only)}; configured: ${all.map((s) => s.source.name).join(", ")}`,
      "source",
    );
  return picked.map(({ source, upstream, cfg }) => ({ name: source.name, deps: { upstream, cfg } }));
}

/** One source's view (`only`, default the first configured): for questions asked of one source alone. */
export function signalDeps(only?: string): SignalDeps {
  return (sourceViews(only)[0] as SourceView).deps;
}

/**
 * The sources asked (all, or `source`) with the request's times resolved at `nowSeconds` (default
 * now) against each one's limits (a 400 for bad times).
 */
export function withTimes(time: TimeInput, source?: string, nowSeconds?: number): SourceAsk[] {
  return sourceViews(source).map((v) => ({ ...v, times: queryTimesNow(v.deps.cfg, time, nowSeconds) }));
}

/** The time and source parameters of a request that takes no others. */
export function timeAndSource(request: Request): TimeInput & { source?: string } {
  return parseQuery(new URL(request.url), { ...timeParams, ...sourceParams });
}

/** withTimes for a request that takes the time and source parameters and no others. */
export function withRequestTimes(request: Request): SourceAsk[] {
  const { source, ...time } = timeAndSource(request);
  return withTimes(time, source);
}
