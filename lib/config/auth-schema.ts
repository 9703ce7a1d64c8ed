import { z } from "zod";
import { isAddressOrRange } from "./server-schema";

/** The `auth:` section: who may look. */
export const authSchema = z
  .object({
    // none: anyone who reaches the server (put an authenticating proxy in front); proxy: a user header
    // from trusted addresses only; basic: HTTP Basic against a bcrypt htpasswd file.
    mode: z.enum(["none", "proxy", "basic"]).default("none"),
    proxy: z
      .object({
        userHeader: z
          .string()
          .regex(/^[A-Za-z0-9-]+$/, "must be an HTTP header name such as X-Forwarded-User")
          .default("X-Forwarded-User"),
        // Only these peers may name the user; the header from anyone else is refused.
        trustedAddresses: z
          .array(z.string().refine(isAddressOrRange, "must be an IP address or a CIDR range such as 10.0.0.0/8"))
          .min(1, "must list at least one address: the proxy that authenticates users")
          .default(["127.0.0.1/32", "::1/128"]),
      })
      .strict()
      .prefault({}),
    // bcrypt entries only ($2y$, $2b$, $2a$); read again when it changes.
    htpasswdFile: z.string().min(1).optional(),
    // Written by `npm run tv-token`: names and sha256 hashes of the wall screens' tokens.
    tvTokensFile: z.string().min(1).optional(),
    // true: /metrics needs credentials like every page.
    protectMetrics: z.boolean().default(false),
  })
  .strict()
  .refine((a) => a.mode !== "basic" || a.htpasswdFile !== undefined, {
    path: ["htpasswdFile"],
    message: "is required when auth.mode is basic",
  })
  .prefault({});

export type AuthConfig = z.infer<typeof authSchema>;
