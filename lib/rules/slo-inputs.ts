// The SLOs the rule file writes rules for: the services the upstream has, each with the convention
// that owns it (discovery's question and ownership rule) and its convention's bucket boundaries.
import type { Config, Convention } from "@/lib/config/schema";
import { parseServiceKey } from "@/lib/identity/service-identity";
import type { Labels } from "@/lib/prometheus/types";
import { servicesSeen } from "@/lib/promql/red";
import { boundariesOf, bucketBoundaries } from "@/lib/promql/slo";
import { SEEN_LOOKBACK_SECONDS } from "@/lib/signals/discovery";
import { assignOwners } from "@/lib/signals/ownership";
import { resolveSlos, type OwnedService } from "@/lib/slo/resolve";
import { NO_SLOS, type SloInputs } from "./rule-file";

/** An instant query at the current time, answering each series' labels. */
export type InstantLabels = (query: string) => Promise<readonly { labels: Labels }[]>;

/** The SLOs of every service seen over discovery's lookback: two queries that name no service. */
export async function discoveredSlos(
  cfg: Config,
  conventions: readonly Convention[],
  instant: InstantLabels,
): Promise<SloInputs> {
  if (conventions.length === 0) return NO_SLOS;
  const [seen, les] = await Promise.all([
    instant(servicesSeen(conventions, SEEN_LOOKBACK_SECONDS)),
    instant(bucketBoundaries(conventions)),
  ]);
  const byName = new Map(conventions.map((c) => [c.name, c]));
  const services: OwnedService[] = [];
  for (const [key, owner] of assignOwners(
    conventions,
    seen.map((s) => s.labels),
  )) {
    const convention = byName.get(owner);
    if (convention) services.push({ id: parseServiceKey(key), convention });
  }
  const boundaries = boundariesOf(les);
  return { slos: resolveSlos(cfg, services, boundaries), les: boundaries };
}
