import { refusedBeforeRoutes } from "@/lib/api/request-guard";
import type { AuthConfig } from "@/lib/config/auth-schema";
import { fileError, rebuiltOnChange } from "@/lib/prometheus/watched-files";
import type { Outcome } from "./auth";
import { tvCookie } from "./auth";
import { addressMatcher } from "./client-address";
import { BasicVerifier, parseHtpasswd } from "./htpasswd";
import { processSingleton } from "./singleton";
import { parseTvTokens, screenOf, tokenIndex } from "./tv-tokens";
import type { GateDeps } from "./auth";

/** A file of auth: whose contents `parse` turns into a value, read again when it changes. */
function watched<T>(setting: string, path: string, parse: (text: string) => T): () => T {
  const file = { setting, path };
  return rebuiltOnChange([file], ([contents]) => {
    try {
      return parse(contents?.toString("utf8") ?? "");
    } catch (e) {
      throw fileError(file, e instanceof Error ? e.message : String(e), "use");
    }
  });
}

/** The gate's lookups for `auth`, one set per process: the files' watchers and the verified-header memory. */
export function gateDeps(auth: AuthConfig): GateDeps {
  return processSingleton("auth-gate-deps", () => {
    const users = auth.htpasswdFile ? watched("auth.htpasswdFile", auth.htpasswdFile, parseHtpasswd) : null;
    const tokens = auth.tvTokensFile
      ? watched("auth.tvTokensFile", auth.tvTokensFile, (t) => tokenIndex(parseTvTokens(t)))
      : null;
    const verifier = new BasicVerifier();
    return {
      auth,
      verifyBasic: (header) => (users ? verifier.verify(header, users()) : Promise.resolve(null)),
      screenOf: (token) => (tokens ? screenOf(token, tokens()) : null),
      isTrustedPeer: addressMatcher(auth.proxy.trustedAddresses),
    };
  });
}

const CHALLENGE = 'Basic realm="signalboard", charset="UTF-8"';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** What a person sees on a refused page: a heading and what to do. */
function pageText(code: string, message: string): { title: string; body: string } {
  switch (code) {
    case "tv_token_revoked":
      return {
        title: "This screen's access was revoked",
        body: "Open a new /tv/<token> link on this screen. An operator creates one with: npm run tv-token -- create NAME",
      };
    case "untrusted_proxy":
      return { title: "Refused: the user header came from an address that is not trusted", body: message };
    default:
      return { title: "Sign-in needed", body: message };
  }
}

/** The answer to a refused request: JSON under /api, a short HTML page elsewhere; the Basic challenge where asked. */
export function refusalResponse(outcome: Extract<Outcome, { kind: "refuse" }>, api: boolean): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (outcome.challenge) headers["WWW-Authenticate"] = CHALLENGE;
  const { status, code, message } = outcome;
  if (api) return Response.json({ error: { code, message } }, { status, headers });
  const text = pageText(code, message);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>signalboard: ${escapeHtml(text.title)}</title></head>
<body><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p></body></html>
`;
  return new Response(html, { status, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}

/**
 * A redeemed TV link (`url`): the cookie set, and the screen sent on to /tv with its query and the
 * token gone from the address bar. Next takes only an absolute Location from proxy.ts.
 */
export function redeemResponse(token: string, url: URL): Response {
  const location = new URL(`/tv${url.search}`, url);
  return new Response(null, {
    status: 303,
    headers: { Location: location.href, "Set-Cookie": tvCookie(token), "Cache-Control": "no-store" },
  });
}

/** The answer when a credentials file cannot be used: nobody is let in, and the log says why. */
export function unavailableResponse(api: boolean): Response {
  return refusedBeforeRoutes(
    api,
    503,
    "auth_unavailable",
    "signalboard cannot check credentials now (its log says why)",
  );
}
