import type { AuthConfig } from "@/lib/config/auth-schema";
import { isApiPath } from "@/lib/api/request-guard";
import { PEER_HEADER } from "./client-address";

/** The request header that carries the signed-in user to pages and routes; the gate always writes or removes it. */
export const USER_HEADER = "x-signalboard-user";
/** The cookie a redeemed TV link leaves on the screen. */
export const TV_COOKIE = "signalboard_tv";

/** Probes, scraping and the files every page loads: open whatever the mode. */
const OPEN = new Set(["/api/health", "/api/ready", "/icon.svg", "/favicon.ico"]);

/** Whether `pathname` is open to anyone: probes, static files, and /metrics unless protected. */
export function isOpenPath(pathname: string, protectMetrics: boolean): boolean {
  return OPEN.has(pathname) || pathname.startsWith("/_next/static/") || (pathname === "/metrics" && !protectMetrics);
}

/** The API calls the wall screen makes (components/tv/use-tv-data.ts; /api/health is open anyway). */
const TV_API = new Set(["/api/v1/services", "/api/v1/alerts", "/api/v1/slos", "/api/v1/nodes", "/api/v1/status"]);

/** Whether a TV cookie opens this request: the wall page and the reads it makes, nothing else. */
export function inTvScope(pathname: string, method: string): boolean {
  return (method === "GET" || method === "HEAD") && (pathname === "/tv" || TV_API.has(pathname));
}

/** The token of a TV link `/tv/{token}`, or null for any other path. */
export function tvLinkToken(pathname: string): string | null {
  return /^\/tv\/([^/]+)$/.exec(pathname)?.[1] ?? null;
}

/** A path as it may be logged: a TV link's token is a credential, and stays out of the log. */
export const loggablePath = (pathname: string): string => (tvLinkToken(pathname) === null ? pathname : "/tv/<token>");

/** A cookie's value in a Cookie header, or null. */
export function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The Set-Cookie of a redeemed TV link: out of scripts' reach and HTTPS-only. Lax, not Strict: a
 * link opened from another site (a chat, a kiosk manager) is a cross-site navigation, and the
 * redirect to /tv that follows would go without a Strict cookie; the cookie opens GET reads only.
 */
export function tvCookie(token: string): string {
  return `${TV_COOKIE}=${token}; HttpOnly; Secure; SameSite=Lax; Path=/`;
}

/** The user as USER_HEADER carries it: percent-encoded, since a header holds no characters past Latin-1. */
export const encodeUser = (user: string): string => encodeURIComponent(user);

/** The user USER_HEADER names, or null. */
export function decodeUser(value: string | null): string | null {
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export type Outcome =
  | { kind: "pass"; user?: string }
  | { kind: "redeem"; token: string }
  | { kind: "refuse"; status: 401 | 403; code: string; message: string; challenge: boolean };

export interface GateRequest {
  pathname: string;
  method: string;
  headers: Headers;
}

export interface GateDeps {
  auth: AuthConfig;
  /** The user an Authorization header proves, or null; throws when the htpasswd file cannot be used. */
  verifyBasic(header: string): Promise<string | null>;
  /** The screen a TV token opens, or null when unknown or revoked; throws when the file cannot be used. */
  screenOf(token: string): string | null;
  /** Whether a peer may name the user (auth.proxy.trustedAddresses). */
  isTrustedPeer(address: string): boolean;
}

const MAX_USER_LENGTH = 256;

/**
 * Who may see this request, by the configured mode: the user to pass on, a TV link to redeem, or a
 * refusal with its code. Mode none lets everything through with no user. A user header from a peer
 * that is not trusted is refused outright, not ignored, so a misrouted proxy shows at once.
 */
export async function authenticate(req: GateRequest, deps: GateDeps): Promise<Outcome> {
  const { auth } = deps;
  if (auth.mode === "none" || isOpenPath(req.pathname, auth.protectMetrics)) return { kind: "pass" };
  const basic = auth.mode === "basic";
  const refuse = (status: 401 | 403, code: string, message: string, challenge = false): Outcome => ({
    kind: "refuse",
    status,
    code,
    message,
    challenge,
  });
  const revoked = () =>
    refuse(401, "tv_token_revoked", "this screen's TV link was revoked or is unknown: open a new /tv/<token> link");

  const linkToken = auth.tvTokensFile ? tvLinkToken(req.pathname) : null;
  if (linkToken !== null) return deps.screenOf(linkToken) ? { kind: "redeem", token: linkToken } : revoked();

  if (auth.mode === "proxy") {
    const named = req.headers.get(auth.proxy.userHeader);
    if (named !== null) {
      const peer = req.headers.get(PEER_HEADER) || "unknown";
      if (!deps.isTrustedPeer(peer))
        return refuse(
          401,
          "untrusted_proxy",
          `${auth.proxy.userHeader} came from ${peer}, which is not in auth.proxy.trustedAddresses`,
        );
      const user = named.trim().slice(0, MAX_USER_LENGTH);
      if (user) return { kind: "pass", user };
    }
  }

  const authorization = req.headers.get("authorization");
  if (basic && authorization) {
    const user = await deps.verifyBasic(authorization);
    if (user !== null) return { kind: "pass", user };
    return refuse(401, "unauthenticated", "wrong user name or password", true);
  }

  const tvToken = auth.tvTokensFile ? cookieValue(req.headers.get("cookie"), TV_COOKIE) : null;
  const api = isApiPath(req.pathname);
  if (tvToken) {
    if (inTvScope(req.pathname, req.method)) {
      const screen = deps.screenOf(tvToken);
      return screen ? { kind: "pass", user: `tv:${screen}` } : revoked();
    }
    if (api) return refuse(403, "tv_token_scope", "a TV link opens /tv and the data it shows, nothing else");
  }

  const how = basic
    ? "sign in with your user name and password"
    : "open signalboard through the authenticating proxy in front of it";
  // A screen that opened its TV link over plain HTTP lands here: browsers keep a Secure cookie only
  // from https:// or loopback (Chromium 156, tried by hand), so it never came back with the cookie.
  const tvHint =
    req.pathname === "/tv" && auth.tvTokensFile
      ? "; or, on a wall screen, open a /tv/<token> link over HTTPS (browsers keep its cookie only there)"
      : "";
  return refuse(401, "unauthenticated", `credentials needed: ${how}${tvHint}`, basic);
}
