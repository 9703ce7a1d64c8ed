import { describe, expect, it } from "vitest";
import { configSchema } from "./schema";

const server = (value: unknown) => configSchema.safeParse({ server: value });

describe("server section", () => {
  it("defaults to no framing and a rate limit of 600 upstream queries a minute, 1200 at once, no trusted proxy", () => {
    expect(configSchema.parse({}).server).toEqual({
      frameAncestors: ["'none'"],
      rateLimit: { upstreamQueriesPerMinute: 600, burst: 1200, trustedProxies: [] },
    });
  });

  it("accepts CSP sources in frameAncestors", () => {
    const sources = [
      "'self'",
      "https:",
      "https://portal.example.com",
      "*.example.com:8443",
      "https://wiki.example.com/tv/",
    ];
    expect(server({ frameAncestors: sources }).data?.server.frameAncestors).toEqual(sources);
  });

  it("refuses anything that could end the directive or add another: ; , quotes, spaces, newlines", () => {
    for (const bad of [
      "https://a.example; script-src *",
      "https://a.example,https://b.example",
      "https://a.example https://b.example",
      "https://a.example\nX-Injected: 1",
      "'unsafe-inline'",
      "'nonce-abc'",
      "",
    ])
      expect(server({ frameAncestors: [bad] }).success, JSON.stringify(bad)).toBe(false);
  });

  it("refuses 'none' beside another source, and an empty list", () => {
    expect(server({ frameAncestors: ["'none'", "'self'"] }).success).toBe(false);
    expect(server({ frameAncestors: [] }).success).toBe(false);
  });

  it("takes addresses and CIDR ranges as trusted proxies, and nothing else", () => {
    const ok = ["10.0.0.1", "10.0.0.0/8", "fd00::/8", "::1"];
    expect(server({ rateLimit: { trustedProxies: ok } }).data?.server.rateLimit.trustedProxies).toEqual(ok);
    for (const bad of ["10.0.0.0/33", "fd00::/129", "proxy.local", "10.0.0.1/8/1", "10.0.0.0/x"])
      expect(server({ rateLimit: { trustedProxies: [bad] } }).success, bad).toBe(false);
  });

  it("lets 0 turn the rate limit off, and refuses a burst of 0", () => {
    expect(server({ rateLimit: { upstreamQueriesPerMinute: 0 } }).success).toBe(true);
    expect(server({ rateLimit: { burst: 0 } }).success).toBe(false);
  });
});
