/** Where frameAncestors applies: the wall page, made to be shown on a screen, possibly inside a portal. */
const FRAMEABLE = /^\/tv(\/|$)/;

/** Who may frame `pathname`: the configured sources on the wall page, nobody anywhere else. */
export function frameAncestorsFor(pathname: string, configured: readonly string[]): readonly string[] {
  return FRAMEABLE.test(pathname) ? configured : ["'none'"];
}

/**
 * The Content-Security-Policy of every answer. Scripts need the request's nonce: Next renders every
 * page on request and writes inline scripts whose content differs each time (the page's data), so
 * hashes cannot list them; Next reads the nonce from this policy on the request and puts it on its
 * scripts, and 'strict-dynamic' lets those load the rest of the app. Style attributes are allowed
 * ('unsafe-inline' for attributes only): charts and virtual lists position elements with them, and
 * an attribute can neither load nor run anything that img-src and script-src do not allow.
 * No upgrade-insecure-requests: signalboard is often served over plain HTTP inside a network, where
 * it would break every request.
 */
export function contentSecurityPolicy(nonce: string, frameAncestors: readonly string[], development = false): string {
  return [
    "default-src 'self'",
    // React in development rebuilds server error stacks with eval; production never evaluates strings.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(" ")}`,
  ].join("; ");
}

/**
 * X-Frame-Options for browsers older than frame-ancestors, where it can say the same thing: DENY for
 * 'none', SAMEORIGIN for 'self' alone. It cannot name other origins (ALLOW-FROM is gone from every
 * browser), so for those it is left out and frame-ancestors alone decides.
 */
function frameOptions(frameAncestors: readonly string[]): string | undefined {
  if (frameAncestors.length !== 1) return undefined;
  if (frameAncestors[0] === "'none'") return "DENY";
  if (frameAncestors[0] === "'self'") return "SAMEORIGIN";
  return undefined;
}

/**
 * The policy of what Next answers before proxy.ts runs (its redirect of `//x` to `/x`): such an
 * answer has no page, so it may load, run and be framed by nothing. proxy.ts replaces it on the rest.
 */
export const BASELINE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The headers that do not depend on the path, with `csp`. */
export function baselineHeaders(csp: string = BASELINE_CSP): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    // Service and node names are in our URLs: a link to a runbook elsewhere is not told where it came from.
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
}

/** The security headers of every answer proxy.ts sees (pages, API, static files, errors, its own refusals). */
export function securityHeaders(csp: string, frameAncestors: readonly string[]): Record<string, string> {
  const xfo = frameOptions(frameAncestors);
  return { ...baselineHeaders(csp), ...(xfo ? { "X-Frame-Options": xfo } : {}) };
}
