import { isIP } from "node:net";
import { z } from "zod";

/**
 * One CSP source expression as `frame-ancestors` takes it (https://www.w3.org/TR/CSP3/#grammardef-source-expression):
 * 'self', 'none', a scheme (`https:`) or a host with optional scheme, port and path. Nothing else
 * passes, so no value can close the directive (`;`), start another line or add a second source.
 */
const SCHEME = "[a-zA-Z][a-zA-Z0-9+.-]*";
const HOST = "(?:\\*|(?:\\*\\.)?[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*)";
const PORT = "(?::(?:[0-9]{1,5}|\\*))?";
const PATH = "(?:/[A-Za-z0-9\\-._~!$&()*+=:@%/]*)?";
export const CSP_SOURCE = new RegExp(`^(?:'self'|'none'|${SCHEME}:|(?:${SCHEME}://)?${HOST}${PORT}${PATH})$`);

const frameAncestors = z
  .array(z.string().regex(CSP_SOURCE, "must be a CSP source such as 'self', https: or https://portal.example.com"))
  .min(1, "must list at least one source; ['none'] forbids every frame")
  .refine((s) => !s.includes("'none'") || s.length === 1, "'none' cannot be combined with other sources")
  .default(["'none'"]);

/** An IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
export function isAddressOrRange(s: string): boolean {
  const [address = "", prefix, ...rest] = s.split("/");
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The `server:` section: what the HTTP surface answers, apart from the data. */
export const serverSchema = z
  .object({
    // Who may show signalboard's wall page (/tv) in a frame; every other page is never framed.
    frameAncestors,
    // Per client, counted in upstream queries that its requests cause (cache misses): a range
    // query costs one more for each whole day it spans. Answers from the cache cost nothing.
    rateLimit: z
      .object({
        // Sustained rate per client; 0 turns the limit off.
        upstreamQueriesPerMinute: z.number().int().min(0).max(1_000_000).default(600),
        // What a client may spend at once after a quiet spell.
        burst: z.number().int().min(1).max(1_000_000).default(1200),
        // Proxies whose X-Forwarded-For names the client; anyone else is known by its own address.
        trustedProxies: z
          .array(z.string().refine(isAddressOrRange, "must be an IP address or a CIDR range such as 10.0.0.0/8"))
          .default([]),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export type ServerConfig = z.infer<typeof serverSchema>;
