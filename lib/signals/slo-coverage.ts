// Which conventions' SLO windows are read from the SLO recording rules (lib/promql/slo-recorded.ts):
// learnt from their evaluation marker with one cached instant query that names no service, as the
// recorded signals' coverage is (recorded-coverage.ts).
import { SLO_RATE_WINDOWS, SLO_RULES_INTERVAL_SECONDS, sloDefinition, sloRulesRuns } from "@/lib/promql/slo-recorded";
import type { Convention } from "@/lib/config/schema";
import type { SloRecording } from "@/lib/promql/slo-recorded";
import type { SignalDeps } from "./discovery";
import type { FreshnessTracker } from "./freshness";
import {
  coversInstant,
  fetchMarkerRuns,
  LAST_EVALUATION_LOOKBACK_SECONDS,
  type RulesAnswer,
  type RulesRun,
} from "./recorded-coverage";

/** The longest period an SLO may have (30d), and the hour of 1h rates its first increase sums. */
const LONGEST_PERIOD_SECONDS = 30 * 86_400;
const PERIOD_LEAD_SECONDS = 3600;

/**
 * The SLO rules' runs (one question a minute, cached, shared by every request): since when over a
 * whole range and the longest period with its lead hour before it, so that a period's start can be
 * checked at any `at` a page may ask; the last evaluation over the last hour. Upstream errors: no runs (raw).
 */
export function fetchSloRulesRuns(deps: SignalDeps, fresh: FreshnessTracker, nowSeconds: number) {
  const since = Math.round(deps.cfg.limits.maxRangeDays * 86_400) + LONGEST_PERIOD_SECONDS + PERIOD_LEAD_SECONDS;
  return fetchMarkerRuns(deps, fresh, nowSeconds, sloRulesRuns(since, LAST_EVALUATION_LOOKBACK_SECONDS));
}

/**
 * Whether one run of a convention's SLO rules answers the window at `at`: running at `at` (within two
 * evaluations, or of the question `askedAt` for a later instant); for a period P (a window longer than
 * the burn windows), also since `at − P − 1h`, so that its increase sums every 1h rate of the period.
 */
export function sloWindowCovered(
  run: RulesRun | undefined,
  at: number,
  windowSeconds: number,
  askedAt = Infinity,
): boolean {
  if (!coversInstant(run, at, SLO_RULES_INTERVAL_SECONDS, askedAt)) return false;
  const period = windowSeconds > Math.max(...SLO_RATE_WINDOWS);
  return !period || (run?.since ?? Infinity) <= at - windowSeconds - PERIOD_LEAD_SECONDS;
}

/**
 * The conventions whose SLO window `windowSeconds` is read recorded at `at`: those whose marker
 * shows our definition (sloDefinition of their recording, sloRecordings of the SLOs) covering it.
 * The answer is sloWindowRead's `recorded`.
 */
export function sloRecordedConventions(
  answer: RulesAnswer,
  recordings: ReadonlyMap<string, SloRecording & { convention: Convention }>,
  at: number,
  windowSeconds: number,
): Set<string> {
  const out = new Set<string>();
  for (const [name, { convention, ...r }] of recordings) {
    const run = answer.runs.get(name)?.get(sloDefinition(convention, r));
    if (sloWindowCovered(run, at, windowSeconds, answer.askedAt)) out.add(name);
  }
  return out;
}
