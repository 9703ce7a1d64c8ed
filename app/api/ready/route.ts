import { readiness } from "@/lib/api/readiness";
import { getConfig } from "@/lib/config";
import { getUpstream } from "@/lib/prometheus/upstream";
import { withoutCredentials } from "@/lib/prometheus/redact-url";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the configuration is loaded and the upstream answered within the last minute,
 * 503 with the reason otherwise. Not logged or counted per request, like /api/health: probes come
 * every few seconds. Liveness is /api/health.
 */
export async function GET() {
  const { status, body } = await readiness(() => ({
    probe: getUpstream(),
    url: withoutCredentials(getConfig().prometheus.url),
  }));
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
