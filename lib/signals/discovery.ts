import type { Config, Convention } from "@/lib/config/schema";
import type { Upstream } from "@/lib/prometheus/upstream";
import { allConventions, conventionsInUse } from "./conventions";
import type { FreshnessTracker } from "./freshness";

export interface SignalDeps {
  upstream: Upstream;
  cfg: Config;
}

/** The conventions whose metrics exist upstream, in precedence order. One cached upstream call. */
export async function discoverConventions(deps: SignalDeps, fresh: FreshnessTracker): Promise<{ inUse: Convention[]; metricNames: string[] }> {
  const metricNames = fresh.take(await deps.upstream.metricNames());
  return { inUse: conventionsInUse(allConventions(deps.cfg), metricNames), metricNames };
}
