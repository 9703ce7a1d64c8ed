import type { Convention } from "@/lib/config/schema";
import { serviceIdentityKey } from "@/lib/api/sparklines";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import { CONVENTION, NAMESPACE, SERVICE } from "@/lib/promql/labels";

type Labels = Record<string, string>;

/** Identity of a series' service across conventions: namespace and name. */
export function serviceKey(labels: Labels): string {
  return serviceIdentityKey({ name: labels[SERVICE] ?? "", ...(labels[NAMESPACE] ? { namespace: labels[NAMESPACE] } : {}) });
}

/**
 * Decides which convention owns each service: the first in precedence order that reports it.
 * A service found by two conventions appears once.
 */
export function assignOwners(conventions: readonly Convention[], seen: readonly Labels[]): Map<string, string> {
  const rank = new Map(conventions.map((c, i) => [c.name, i]));
  const owners = new Map<string, string>();
  for (const labels of seen) {
    const key = serviceKey(labels);
    const conv = labels[CONVENTION] ?? "";
    const current = owners.get(key);
    if (current === undefined || (rank.get(conv) ?? Infinity) < (rank.get(current) ?? Infinity)) owners.set(key, conv);
  }
  return owners;
}

/** Picks, from one query's series, the values that belong to each service's owning convention. */
export function ownedValues(series: readonly InstantSeries[], owners: Map<string, string>): Map<string, InstantSeries[]> {
  const out = new Map<string, InstantSeries[]>();
  for (const s of series) {
    const key = serviceKey(s.labels);
    if (owners.get(key) !== s.labels[CONVENTION]) continue;
    out.set(key, [...(out.get(key) ?? []), s]);
  }
  return out;
}
