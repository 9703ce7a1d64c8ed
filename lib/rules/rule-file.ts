// The recording rules as the files that load them: a Prometheus rule file (Prometheus, Thanos
// Ruler, the Mimir ruler, vmalert all read it) and the prometheus-operator's PrometheusRule.
import { stringify } from "yaml";
import type { Config } from "@/lib/config/schema";
import type { RecordingOptions, RuleGroup } from "@/lib/promql/recorded";
import { formatDuration } from "@/lib/time/parse-time";
import { currentWindow } from "@/lib/time/range";

/** The rules' window and interval from the configuration: the current values' window, evaluated every scrape. */
export function recordingOptions(cfg: Config): RecordingOptions {
  const scrape = cfg.prometheus.scrapeIntervalSeconds;
  return { windowSeconds: currentWindow(cfg.services.statusWindowSeconds, scrape), intervalSeconds: scrape };
}

/** The groups as Prometheus's rule-file schema has them (interval as a duration string). */
export function ruleFileGroups(groups: readonly RuleGroup[]) {
  return groups.map((g) => ({ name: g.name, interval: formatDuration(g.interval), rules: g.rules }));
}

/** A Prometheus rule file (`rule_files:`), one long line per expression so that it reads as PromQL. */
export function ruleFileYaml(groups: readonly RuleGroup[]): string {
  return stringify({ groups: ruleFileGroups(groups) }, { lineWidth: 0 });
}
