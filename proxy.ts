import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { isApiPath, refuseRequest } from "@/lib/api/request-guard";
import { getConfig } from "@/lib/config";
import { authenticate, encodeUser, loggablePath, USER_HEADER } from "@/lib/server/auth";
import { gateDeps, redeemResponse, refusalResponse, unavailableResponse } from "@/lib/server/auth-gate";
import { PEER_HEADER } from "@/lib/server/client-address";
import { getLogger } from "@/lib/server/log";
import { contentSecurityPolicy, frameAncestorsFor, securityHeaders } from "@/lib/server/security-headers";

/** Who may see the request (auth.mode): the answer that refuses or redeems it, or the user to pass on. */
async function gate(request: NextRequest, url: URL): Promise<Response | { user?: string }> {
  const api = isApiPath(url.pathname);
  const { auth } = getConfig();
  let outcome;
  try {
    outcome = await authenticate(
      { pathname: url.pathname, method: request.method, headers: request.headers },
      gateDeps(auth),
    );
  } catch (err) {
    getLogger().error({ err, path: loggablePath(url.pathname) }, "cannot check credentials");
    return unavailableResponse(api);
  }
  if (outcome.kind === "pass") return outcome;
  if (outcome.kind === "redeem") return redeemResponse(outcome.token, url);
  if (outcome.code === "untrusted_proxy")
    getLogger().warn(
      { peer: request.headers.get(PEER_HEADER), path: loggablePath(url.pathname) },
      "user header from an untrusted peer",
    );
  return refusalResponse(outcome, api);
}

/**
 * Runs before every route, on every path (no matcher): pages, API, static files and unknown paths.
 * It refuses an over-long URL or a path with broken percent-encoding (Next would render or 500 on
 * them), lets in only who auth.mode allows (passing the user on in USER_HEADER, never a client's
 * own), and gives every answer, its own refusals included, the security headers. The policy's
 * nonce is fresh per request and handed to Next on the request's own CSP header, from which Next
 * takes it for the scripts it writes into the page (Next's CSP guide). Proxy runs in the Node
 * runtime (Next 16's default), so the configuration is the same one the routes read, parsed once.
 */
export async function proxy(request: NextRequest) {
  const url = new URL(request.url);
  const nonce = randomBytes(16).toString("base64");
  const ancestors = frameAncestorsFor(url.pathname, getConfig().server.frameAncestors);
  const csp = contentSecurityPolicy(nonce, ancestors, process.env.NODE_ENV === "development");
  let response = refuseRequest(url);
  if (!response) {
    const access = await gate(request, url);
    if (access instanceof Response) response = access;
    else {
      const headers = new Headers(request.headers);
      headers.set("Content-Security-Policy", csp);
      headers.delete(USER_HEADER);
      if (access.user) headers.set(USER_HEADER, encodeUser(access.user));
      response = NextResponse.next({ request: { headers } });
    }
  }
  for (const [name, value] of Object.entries(securityHeaders(csp, ancestors))) response.headers.set(name, value);
  return response;
}
