import type { Config } from "@/lib/config/schema";
import type { Upstream } from "@/lib/prometheus/upstream";
import { FreshnessTracker } from "@/lib/signals/freshness";
import { conventionsToRecord } from "./recorded-conventions";
import { renderRuleFile, type RuleFileRequest } from "./rule-file";

/**
 * The rule file for the conventions in use upstream (one cached metric-name list, as discovery
 * asks). An unreachable upstream with no earlier answer throws (503); an earlier answer serves,
 * and the header says how old it is.
 */
export async function servedRuleFile(
  deps: { upstream: Pick<Upstream, "metricNames">; cfg: Config },
  r: RuleFileRequest,
): Promise<string> {
  const fresh = new FreshnessTracker();
  const metricNames = fresh.take(await deps.upstream.metricNames());
  const { stale, ageSeconds } = fresh.summary();
  const notes = stale
    ? [`The presets in use are from the upstream's answer of ${ageSeconds} s ago: it has not answered since.`]
    : [];
  return renderRuleFile(deps.cfg, conventionsToRecord(deps.cfg, metricNames), { ...r, notes });
}
