import { openReadiness, readiness } from "@/lib/api/readiness";
import { getConfig } from "@/lib/config";
import { getUpstreams } from "@/lib/prometheus/upstream";
import { withoutCredentials } from "@/lib/prometheus/redact-url";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the configuration is loaded and an upstream (of any source) answered within the last minute,
 * 503 with the reason otherwise. Not logged or counted per request, like /api/health: probes come
 * every few seconds. Liveness is /api/health. Behind a login it says no more than ready or not.
 */
export async function GET() {
  const answer = await readiness(() =>
    getUpstreams().map(({ source, upstream }) => ({
      name: source.name,
      probe: upstream,
      url: withoutCredentials(source.url),
    })),
  );
  const { status, body } = openReadiness(answer, getConfig().auth.mode !== "none");
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
