// The overview's two answers joined: current values (`/api/v1/services`) and sparklines
// (`/api/v1/services?series=only`). Pure, so the browser and the server use the same matching.
import { serviceKey } from "@/lib/identity/service-identity";
import type { ServiceSparkline, ServiceSparklinesResponse, ServiceSummary } from "@/lib/model/types";

/** The rows with their sparklines attached, by service identity, where the second answer has them; rows without keep none. */
export function withSparklines(
  services: readonly ServiceSummary[],
  sparks: ServiceSparklinesResponse | undefined,
): ServiceSummary[] {
  if (!sparks) return [...services];
  const byKey = new Map<string, ServiceSparkline>(sparks.services.map((s) => [serviceKey(s), s.series]));
  return services.map((s) => {
    const series = byKey.get(serviceKey(s));
    return series ? { ...s, series } : s;
  });
}
