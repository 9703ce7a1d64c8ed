import { NextResponse, type NextRequest } from "next/server";
import { refuseRequest } from "@/lib/api/request-guard";

/**
 * Refuses an over-long URL or a path with broken percent-encoding before any route runs, on every
 * path (no matcher): pages and unknown paths included, since Next would render or 500 on them.
 */
export function proxy(request: NextRequest) {
  return refuseRequest(new URL(request.url)) ?? NextResponse.next();
}
