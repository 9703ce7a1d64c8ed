import type { Config } from "@/lib/config/schema";
import { TimeParseError, isRelativeTime, parseTime } from "@/lib/time/parse-time";
import type { QueryTimes } from "@/lib/model/query-times";
import { alignInstant, alignRange, currentWindow, pointsForWidth, rateWindow, stepFor } from "@/lib/time/range";
import { ApiError } from "./errors";

export interface TimeInput {
  from?: string;
  to?: string;
  at?: string;
  width?: number;
}

/**
 * How far after now a time may lie. Nothing is recorded in the future; a day's leeway covers clocks
 * that disagree and Grafana-style `to=now+1h`. Anything later would only make each request a new
 * upstream question that answers nothing.
 */
export const MAX_FUTURE_SECONDS = 86_400;

export interface TimeLimits {
  scrapeIntervalSeconds: number;
  maxRangeDays: number;
  statusWindowSeconds: number;
}

function timeParam(value: string | undefined, fallback: string, param: string, now: number): number {
  try {
    return parseTime(value ?? fallback, now);
  } catch (e) {
    if (e instanceof TimeParseError) throw new ApiError(400, "invalid_time", `${param}: ${e.message}`, param);
    throw e;
  }
}

/** Resolves from/to/at/width (Grafana style; default now-1h…now, at = to) against `now`. */
export function resolveQueryTimes(input: TimeInput, nowSeconds: number, limits: TimeLimits): QueryTimes {
  const from = timeParam(input.from, "now-1h", "from", nowSeconds);
  const to = timeParam(input.to, "now", "to", nowSeconds);
  const atInput = input.at ?? input.to ?? "now";
  const at = timeParam(atInput, "now", input.at === undefined ? "to" : "at", nowSeconds);
  for (const [param, time] of [
    ["to", to],
    ["at", at],
  ] as const) {
    if (time > nowSeconds + MAX_FUTURE_SECONDS)
      throw new ApiError(400, "invalid_time", `${param}: more than a day after now, where there is no data`, param);
  }
  if (from >= to) throw new ApiError(400, "invalid_range", "from must be earlier than to", "from");
  const maxSeconds = limits.maxRangeDays * 86_400;
  if (to - from > maxSeconds)
    throw new ApiError(
      400,
      "range_too_long",
      `the range is longer than the maximum of ${limits.maxRangeDays} days`,
      "from",
    );
  if (from < 0 || at < 0)
    throw new ApiError(400, "invalid_time", "times before 1970 are not supported", from < 0 ? "from" : "at");
  const scrape = limits.scrapeIntervalSeconds;
  const step = stepFor({ from, to }, pointsForWidth(input.width), scrape);
  return {
    from,
    to,
    at: isRelativeTime(atInput) ? alignInstant(at, scrape) : at,
    end: isRelativeTime(input.to ?? "now") ? alignInstant(to, scrape) : to,
    range: alignRange({ from, to }, step),
    window: rateWindow(step, scrape, currentWindow(limits.statusWindowSeconds, scrape)),
    currentWindow: currentWindow(limits.statusWindowSeconds, scrape),
  };
}

/** resolveQueryTimes at `nowSeconds` (default the current time) with the configuration's limits. */
export function queryTimesNow(cfg: Config, input: TimeInput, nowSeconds = Date.now() / 1000): QueryTimes {
  return resolveQueryTimes(input, nowSeconds, {
    scrapeIntervalSeconds: cfg.prometheus.scrapeIntervalSeconds,
    maxRangeDays: cfg.limits.maxRangeDays,
    statusWindowSeconds: cfg.services.statusWindowSeconds,
  });
}
