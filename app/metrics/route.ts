import { getMetrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

/** Our own metrics in the Prometheus text format. */
export async function GET() {
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
