import { describe, expect, it } from "vitest";
import { BASELINE_CSP, contentSecurityPolicy, frameAncestorsFor, securityHeaders } from "./security-headers";

/** A policy's directives by name. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(";").map((d) => {
      const [name = "", ...sources] = d.trim().split(/\s+/);
      return [name, sources.join(" ")];
    }),
  );

describe("contentSecurityPolicy", () => {
  it("allows scripts by the request's nonce only, and nothing from elsewhere", () => {
    expect(directives(contentSecurityPolicy("abc123==", ["'none'"]))).toEqual({
      "default-src": "'self'",
      "script-src": "'self' 'nonce-abc123==' 'strict-dynamic'",
      "style-src": "'self' 'nonce-abc123=='",
      "style-src-attr": "'unsafe-inline'",
      "img-src": "'self' data:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
  });

  it("adds 'unsafe-eval' for development only, and lists the frame ancestors given", () => {
    const dev = directives(contentSecurityPolicy("n", ["'self'", "https://portal.example.com"], true));
    expect(dev["script-src"]).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(dev["frame-ancestors"]).toBe("'self' https://portal.example.com");
  });
});

describe("frameAncestorsFor", () => {
  const portal = ["https://portal.example.com"];
  it("gives the configured sources to /tv and below it, 'none' to every other path", () => {
    expect(frameAncestorsFor("/tv", portal)).toEqual(portal);
    expect(frameAncestorsFor("/tv/", portal)).toEqual(portal);
    for (const path of ["/", "/tvx", "/services/tv", "/api/v1/services", "/_next/static/a.js"])
      expect(frameAncestorsFor(path, portal), path).toEqual(["'none'"]);
  });
});

describe("securityHeaders", () => {
  it("says DENY for 'none' and SAMEORIGIN for 'self' in X-Frame-Options, and leaves it out for other origins", () => {
    expect(securityHeaders("csp", ["'none'"])["X-Frame-Options"]).toBe("DENY");
    expect(securityHeaders("csp", ["'self'"])["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(securityHeaders("csp", ["'self'", "https://portal.example.com"])).not.toHaveProperty("X-Frame-Options");
  });

  it("sends nosniff, no referrer, and the policy given", () => {
    expect(securityHeaders("the-policy", ["'none'"])).toMatchObject({
      "Content-Security-Policy": "the-policy",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
  });

  it("has a baseline policy that allows nothing at all", () => {
    expect(directives(BASELINE_CSP)).toEqual({
      "default-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'none'",
      "frame-ancestors": "'none'",
    });
  });
});
