import type { Config } from "@/lib/config/schema";
import type { Upstream } from "@/lib/prometheus/upstream";
import { FreshnessTracker } from "@/lib/signals/freshness";
import { conventionsToRecord } from "./recorded-conventions";
import { renderRuleFile, type RuleFileRequest } from "./rule-file";
import { discoveredSlos } from "./slo-inputs";

/**
 * The rule file for the conventions in use upstream (one cached metric-name list, as discovery
 * asks) and the SLOs of the services found (two cached instant queries naming no service). An
 * unreachable upstream with no earlier answer throws (503); an earlier answer serves, and the
 * header says how old it is.
 */
export async function servedRuleFile(
  deps: { upstream: Pick<Upstream, "metricNames" | "instant">; cfg: Config },
  r: RuleFileRequest,
): Promise<string> {
  const fresh = new FreshnessTracker();
  const metricNames = fresh.take(await deps.upstream.metricNames());
  const conventions = conventionsToRecord(deps.cfg, metricNames);
  const now = Math.floor(Date.now() / 1000);
  const ttl = deps.cfg.prometheus.scrapeIntervalSeconds * 1000;
  const slos = await discoveredSlos(deps.cfg, conventions, async (q) =>
    fresh.take(await deps.upstream.instant(q, now, ttl)),
  );
  const { stale, ageSeconds } = fresh.summary();
  const notes = stale
    ? [
        `The presets and services in use are from the upstream's answers of ${ageSeconds} s ago: it has not answered since.`,
      ]
    : [];
  return renderRuleFile(deps.cfg, conventions, { ...r, notes }, slos);
}
