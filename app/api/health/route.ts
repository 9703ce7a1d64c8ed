export const dynamic = "force-dynamic";

/** Liveness: the process answers. Upstream reachability is /api/v1/status. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
