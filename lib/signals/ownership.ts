import type { Convention } from "@/lib/config/schema";
import { serviceId, serviceKey, type ServiceId } from "@/lib/identity/service-identity";
import { CONVENTION, NAMESPACE, SERVICE } from "@/lib/promql/labels";

type Labels = Record<string, string>;

/** Service key (serviceKey) → the name of the convention that owns the service. */
export type Owners = Map<string, string>;

/** The service a series of a per-service query is about, from its normalised labels. */
export function serviceIdOf(labels: Labels): ServiceId {
  return serviceId({ name: labels[SERVICE] ?? "", namespace: labels[NAMESPACE] });
}

/**
 * The one ownership rule: a service belongs to the first convention, in precedence order, that
 * reports it in `seen` (the servicesSeen answer), whatever the order of the series. Values,
 * sparklines and a service's page all take their owners from here, so during a migration from one
 * convention to another a row never mixes the two, nor draws one's trend beside the other's values.
 * Series without the service label name no service: `group by (job)` over series that lack `job`
 * answers one series with no `job`, which is not a service named "".
 */
export function assignOwners(conventions: readonly Convention[], seen: readonly Labels[]): Owners {
  const rank = new Map(conventions.map((c, i) => [c.name, i]));
  const owners: Owners = new Map();
  for (const labels of seen) {
    if (!labels[SERVICE]) continue;
    const key = serviceKey(serviceIdOf(labels));
    const conv = labels[CONVENTION] ?? "";
    const current = owners.get(key);
    if (current === undefined || (rank.get(conv) ?? Infinity) < (rank.get(current) ?? Infinity)) owners.set(key, conv);
  }
  return owners;
}

/** Picks, from one query's series (instant or range), those of each service's owning convention, by service key. */
export function ownedValues<S extends { labels: Labels }>(series: readonly S[], owners: Owners): Map<string, S[]> {
  const out = new Map<string, S[]>();
  for (const s of series) {
    const key = serviceKey(serviceIdOf(s.labels));
    if (owners.get(key) !== s.labels[CONVENTION]) continue;
    out.set(key, [...(out.get(key) ?? []), s]);
  }
  return out;
}
