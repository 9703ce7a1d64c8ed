import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { refuseRequest } from "@/lib/api/request-guard";
import { getConfig } from "@/lib/config";
import { contentSecurityPolicy, frameAncestorsFor, securityHeaders } from "@/lib/server/security-headers";

/**
 * Runs before every route, on every path (no matcher): pages, API, static files and unknown paths.
 * It refuses an over-long URL or a path with broken percent-encoding (Next would render or 500 on
 * them), and gives every answer, its own refusals included, the security headers. The policy's
 * nonce is fresh per request and handed to Next on the request's own CSP header, from which Next
 * takes it for the scripts it writes into the page (Next's CSP guide). Proxy runs in the Node
 * runtime (Next 16's default), so the configuration is the same one the routes read, parsed once.
 */
export function proxy(request: NextRequest) {
  const url = new URL(request.url);
  const nonce = randomBytes(16).toString("base64");
  const ancestors = frameAncestorsFor(url.pathname, getConfig().server.frameAncestors);
  const csp = contentSecurityPolicy(nonce, ancestors, process.env.NODE_ENV === "development");
  let response = refuseRequest(url);
  if (!response) {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  for (const [name, value] of Object.entries(securityHeaders(csp, ancestors))) response.headers.set(name, value);
  return response;
}
