import fs from "node:fs";
import type { Config } from "@/lib/config/schema";

// Token files rotate (Kubernetes projected tokens): read again at most this often.
const REREAD_MS = 60_000;

/** Builds the headers every upstream request carries: configured headers plus bearer or basic auth. */
export function upstreamHeaders(cfg: Config["prometheus"], readFile = (p: string) => fs.readFileSync(p, "utf8")): () => Record<string, string> {
  let cached: { at: number; headers: Record<string, string> } | undefined;
  return () => {
    const now = Date.now();
    if (cached && now - cached.at < REREAD_MS) return cached.headers;
    const headers: Record<string, string> = { ...cfg.headers };
    if (cfg.bearerTokenFile) headers.Authorization = `Bearer ${readFile(cfg.bearerTokenFile).trim()}`;
    else if (cfg.basicAuth) {
      const password = readFile(cfg.basicAuth.passwordFile).trim();
      headers.Authorization = `Basic ${Buffer.from(`${cfg.basicAuth.username}:${password}`).toString("base64")}`;
    }
    cached = { at: now, headers };
    return headers;
  };
}
