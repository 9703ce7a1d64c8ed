import { NextResponse, type NextRequest } from "next/server";

/**
 * Next answers a path with broken percent-encoding (`/services/%E0%A4%A`) with a bare 500 before
 * any route runs; answer it here with our 400 instead.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return NextResponse.json({ error: { code: "invalid_path", message: "the path is not valid percent-encoding" } }, { status: 400 });
  }
}

export const config = { matcher: ["/api/:path*", "/services/:path*", "/nodes/:path*"] };
