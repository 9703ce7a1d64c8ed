import { TimeParseError, parseTime } from "@/lib/time/parse-time";
import { alignInstant, alignRange, pointsForWidth, rateWindow, stepFor, type QueryRange } from "@/lib/time/range";
import { ApiError } from "./errors";

export interface TimeInput {
  from?: string;
  to?: string;
  at?: string;
  width?: number;
}

/** Every time a request needs, resolved once: the aligned range, the instant and the rate window. */
export interface QueryTimes {
  from: number;
  to: number;
  /** The instant for current values, aligned down to the scrape interval. */
  at: number;
  range: QueryRange;
  /** The rate() window in seconds. */
  window: number;
}

export interface TimeLimits {
  scrapeIntervalSeconds: number;
  maxRangeDays: number;
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
  const at = input.at === undefined ? to : timeParam(input.at, "now", "at", nowSeconds);
  if (from >= to) throw new ApiError(400, "invalid_range", "from must be earlier than to", "from");
  const maxSeconds = limits.maxRangeDays * 86_400;
  if (to - from > maxSeconds) throw new ApiError(400, "range_too_long", `the range is longer than the maximum of ${limits.maxRangeDays} days`, "from");
  if (from < 0 || at < 0) throw new ApiError(400, "invalid_time", "times before 1970 are not supported", from < 0 ? "from" : "at");
  const scrape = limits.scrapeIntervalSeconds;
  const step = stepFor({ from, to }, pointsForWidth(input.width), scrape);
  return {
    from,
    to,
    at: alignInstant(at, scrape),
    range: alignRange({ from, to }, step),
    window: rateWindow(step, scrape),
  };
}
