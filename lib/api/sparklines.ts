// The overview's two answers joined: current values (`/api/v1/services`) and sparklines
// (`/api/v1/services?series=only`). Pure, so the browser and the server use the same matching.
import type { ServiceSparkline, ServiceSparklinesResponse, ServiceSummary } from "@/lib/model/types";

/** Identity of a service across conventions and responses: namespace and name. */
export function serviceIdentityKey(s: { name: string; namespace?: string }): string {
  return `${s.namespace ?? ""}/${s.name}`;
}

/** Namespace and name back from a key. Namespaces hold no `/` (Kubernetes forbids it); names may. */
export function serviceIdentity(key: string): { name: string; namespace?: string } {
  const slash = key.indexOf("/");
  const namespace = key.slice(0, slash);
  return { name: key.slice(slash + 1), ...(namespace ? { namespace } : {}) };
}

/** The rows with their sparklines attached where the second answer has them; rows without keep none. */
export function withSparklines(services: readonly ServiceSummary[], sparks: ServiceSparklinesResponse | undefined): ServiceSummary[] {
  if (!sparks) return [...services];
  const byKey = new Map<string, ServiceSparkline>(sparks.services.map((s) => [serviceIdentityKey(s), s.series]));
  return services.map((s) => {
    const series = byKey.get(serviceIdentityKey(s));
    return series ? { ...s, series } : s;
  });
}
