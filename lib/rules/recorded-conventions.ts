import type { Config, Convention } from "@/lib/config/schema";
import { allConventions } from "@/lib/signals/conventions";

/**
 * The conventions to write recording rules for, in precedence order: every custom one of the
 * configuration (its operator named it, so its rules are wanted even before its metrics exist),
 * and the presets whose request metric exists upstream (`metricNames`), or every preset where
 * `metricNames` is "all" (`npm run rules -- --all-presets`, before any data exists).
 */
export function conventionsToRecord(cfg: Config, metricNames: readonly string[] | "all"): Convention[] {
  const custom = new Set(cfg.services.conventions.map((c) => c.name));
  const present = metricNames === "all" ? undefined : new Set(metricNames);
  return allConventions(cfg).filter((c) => custom.has(c.name) || !present || present.has(c.requests));
}
