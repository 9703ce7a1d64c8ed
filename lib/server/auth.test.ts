import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import {
  authenticate,
  cookieValue,
  decodeUser,
  encodeUser,
  inTvScope,
  isOpenPath,
  tvCookie,
  loggablePath,
  tvLinkToken,
  type GateDeps,
  type Outcome,
} from "./auth";
import { addressMatcher } from "./client-address";

const TOKEN = "T".repeat(43);

/** Deps over a config's auth section: alice/s3cret as the only user, TOKEN as screen "lobby". */
function deps(auth: Record<string, unknown>): GateDeps {
  const cfg = configSchema.parse({ auth });
  return {
    auth: cfg.auth,
    verifyBasic: async (h) => (h === `Basic ${btoa("alice:s3cret")}` ? "alice" : null),
    screenOf: (t) => (t === TOKEN ? "lobby" : null),
    isTrustedPeer: addressMatcher(cfg.auth.proxy.trustedAddresses),
  };
}

const run = (d: GateDeps, pathname: string, headers: Record<string, string> = {}, method = "GET") =>
  authenticate({ pathname, method, headers: new Headers(headers) }, d);

const refused = (status: number, code: string, challenge = false): Partial<Outcome> => ({
  kind: "refuse",
  status: status as 401,
  code,
  challenge,
});

describe("paths", () => {
  it("keeps probes, static files and /metrics open, /metrics only while unprotected", () => {
    for (const p of ["/api/health", "/api/ready", "/_next/static/chunks/a.js", "/icon.svg", "/favicon.ico", "/metrics"])
      expect(isOpenPath(p, false), p).toBe(true);
    expect(isOpenPath("/metrics", true)).toBe(false);
    for (const p of ["/", "/tv", "/api/v1/status", "/api/healthz", "/_next/image", "/status"])
      expect(isOpenPath(p, false), p).toBe(false);
  });

  it("lets a TV cookie read the wall page and its API calls, by GET or HEAD only", () => {
    for (const p of ["/tv", "/api/v1/services", "/api/v1/alerts", "/api/v1/slos", "/api/v1/nodes", "/api/v1/status"])
      expect(inTvScope(p, "GET"), p).toBe(true);
    expect(inTvScope("/tv", "HEAD")).toBe(true);
    expect(inTvScope("/tv", "POST")).toBe(false);
    for (const p of ["/", "/status", "/api/v1/rules", "/api/v1/services/checkout", "/api/v1/nodes/n1", "/tv/x"])
      expect(inTvScope(p, "GET"), p).toBe(false);
  });

  it("reads the token of a TV link and of the cookie", () => {
    expect(tvLinkToken(`/tv/${TOKEN}`)).toBe(TOKEN);
    expect(tvLinkToken("/tv")).toBeNull();
    expect(tvLinkToken("/tv/a/b")).toBeNull();
    expect(loggablePath(`/tv/${TOKEN}`)).toBe("/tv/<token>");
    expect(loggablePath("/api/v1/services")).toBe("/api/v1/services");
    expect(cookieValue(`a=1; signalboard_tv=${TOKEN}; b=2`, "signalboard_tv")).toBe(TOKEN);
    expect(cookieValue("xsignalboard_tv=1", "signalboard_tv")).toBeNull();
    expect(cookieValue(null, "signalboard_tv")).toBeNull();
    expect(tvCookie(TOKEN)).toBe(`signalboard_tv=${TOKEN}; HttpOnly; Secure; SameSite=Lax; Path=/`);
  });

  it("carries any user name through a header, Latin-1 or not", () => {
    expect(encodeUser("jörg o'neil")).toBe("j%C3%B6rg%20o'neil");
    expect(decodeUser(encodeUser("jörg o'neil"))).toBe("jörg o'neil");
    expect(decodeUser(null)).toBeNull();
    expect(decodeUser("%E0%A4%A")).toBeNull();
  });
});

describe("authenticate", () => {
  it("lets everything through with no user in mode none, spoofed headers and cookies alike", async () => {
    const d = deps({ mode: "none", tvTokensFile: "/t" });
    expect(await run(d, "/")).toEqual({ kind: "pass" });
    expect(await run(d, "/api/v1/rules", { "x-forwarded-user": "mallory", cookie: "signalboard_tv=x" })).toEqual({
      kind: "pass",
    });
  });

  it("in basic mode: the right password passes, a wrong or missing one is refused with the challenge", async () => {
    const d = deps({ mode: "basic", htpasswdFile: "/h" });
    expect(await run(d, "/", { authorization: `Basic ${btoa("alice:s3cret")}` })).toEqual({
      kind: "pass",
      user: "alice",
    });
    expect(await run(d, "/api/v1/services", { authorization: `Basic ${btoa("alice:nope")}` })).toMatchObject(
      refused(401, "unauthenticated", true),
    );
    expect(await run(d, "/status")).toMatchObject(refused(401, "unauthenticated", true));
    expect(await run(d, "/api/health")).toEqual({ kind: "pass" });
    expect(await run(d, "/metrics")).toEqual({ kind: "pass" });
    expect(await run(deps({ mode: "basic", htpasswdFile: "/h", protectMetrics: true }), "/metrics")).toMatchObject(
      refused(401, "unauthenticated", true),
    );
  });

  it("in proxy mode: the user header from a trusted peer passes, from any other is refused naming the peer", async () => {
    const d = deps({ mode: "proxy", proxy: { trustedAddresses: ["127.0.0.1/32", "fd00::/8"] } });
    const h = (peer: string) => ({ "x-forwarded-user": "alice", "x-signalboard-peer": peer });
    expect(await run(d, "/", h("127.0.0.1"))).toEqual({ kind: "pass", user: "alice" });
    expect(await run(d, "/", h("::ffff:127.0.0.1"))).toEqual({ kind: "pass", user: "alice" });
    expect(await run(d, "/", h("fd00::5"))).toEqual({ kind: "pass", user: "alice" });
    const spoofed = await run(d, "/api/v1/services", h("127.0.0.2"));
    expect(spoofed).toMatchObject(refused(401, "untrusted_proxy"));
    expect(spoofed.kind === "refuse" && spoofed.message).toBe(
      "X-Forwarded-User came from 127.0.0.2, which is not in auth.proxy.trustedAddresses",
    );
    expect(await run(d, "/", { "x-forwarded-user": "alice" })).toMatchObject(refused(401, "untrusted_proxy"));
    expect(await run(d, "/", { "x-signalboard-peer": "127.0.0.1" })).toMatchObject(refused(401, "unauthenticated"));
    expect(await run(d, "/", { "x-forwarded-user": " ", "x-signalboard-peer": "127.0.0.1" })).toMatchObject(
      refused(401, "unauthenticated"),
    );
    // Basic credentials mean nothing in proxy mode.
    expect(await run(d, "/", { authorization: `Basic ${btoa("alice:s3cret")}` })).toMatchObject(
      refused(401, "unauthenticated"),
    );
  });

  it("redeems a known TV link and refuses an unknown one as revoked", async () => {
    const d = deps({ mode: "basic", htpasswdFile: "/h", tvTokensFile: "/t" });
    expect(await run(d, `/tv/${TOKEN}`)).toEqual({ kind: "redeem", token: TOKEN });
    expect(await run(d, `/tv/${"X".repeat(43)}`)).toMatchObject(refused(401, "tv_token_revoked"));
    // Without a tokens file /tv/x is a page like any other.
    expect(await run(deps({ mode: "basic", htpasswdFile: "/h" }), `/tv/${TOKEN}`)).toMatchObject(
      refused(401, "unauthenticated", true),
    );
  });

  it("lets a TV cookie open the wall and its reads only, and says when it was revoked", async () => {
    const d = deps({ mode: "basic", htpasswdFile: "/h", tvTokensFile: "/t" });
    const cookie = { cookie: `signalboard_tv=${TOKEN}` };
    expect(await run(d, "/tv", cookie)).toEqual({ kind: "pass", user: "tv:lobby" });
    expect(await run(d, "/api/v1/services", cookie)).toEqual({ kind: "pass", user: "tv:lobby" });
    expect(await run(d, "/api/v1/rules", cookie)).toMatchObject(refused(403, "tv_token_scope"));
    expect(await run(d, "/api/v1/services", cookie, "POST")).toMatchObject(refused(403, "tv_token_scope"));
    expect(await run(d, "/", cookie)).toMatchObject(refused(401, "unauthenticated", true));
    const revoked = { cookie: `signalboard_tv=${"X".repeat(43)}` };
    expect(await run(d, "/tv", revoked)).toMatchObject(refused(401, "tv_token_revoked"));
    expect(await run(d, "/api/v1/alerts", revoked)).toMatchObject(refused(401, "tv_token_revoked"));
    const bare = await run(d, "/tv");
    expect(bare.kind === "refuse" && bare.message).toContain("open a /tv/<token> link over HTTPS");
    // No tokens file: the cookie is nobody's.
    expect(await run(deps({ mode: "basic", htpasswdFile: "/h" }), "/tv", cookie)).toMatchObject(
      refused(401, "unauthenticated", true),
    );
  });
});
