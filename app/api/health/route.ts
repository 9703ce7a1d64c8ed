export const dynamic = "force-dynamic";

/** Liveness and the running build, so open pages can tell a new version was deployed. Upstream reachability is /api/v1/status. */
export function GET() {
  return Response.json(
    { status: "ok", build: process.env.NEXT_PUBLIC_SIGNALBOARD_BUILD ?? "dev" },
    { headers: { "Cache-Control": "no-store" } },
  );
}
