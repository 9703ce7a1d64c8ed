import fs from "node:fs";
import type { Config } from "@/lib/config/schema";
import { UpstreamError } from "./errors";

// Token files rotate (Kubernetes projected tokens): read again at most this often.
const REREAD_MS = 60_000;

/** Builds the headers every upstream request carries: configured headers plus bearer or basic auth. */
export function upstreamHeaders(
  cfg: Config["prometheus"],
  readFile = (p: string) => fs.readFileSync(p, "utf8"),
): () => Record<string, string> {
  // A missing or unreadable file is the operator's to fix: name the setting, the path and the reason.
  const read = (setting: string, file: string) => {
    try {
      return readFile(file).trim();
    } catch (e) {
      // Node's text is "CODE: reason, syscall 'path'"; the path is already named.
      const reason = e instanceof Error ? (e.message.split(",")[0] ?? e.message) : String(e);
      throw new UpstreamError("config", `cannot read ${setting} ${file}: ${reason}`);
    }
  };
  let cached: { at: number; headers: Record<string, string> } | undefined;
  return () => {
    const now = Date.now();
    if (cached && now - cached.at < REREAD_MS) return cached.headers;
    const headers: Record<string, string> = { ...cfg.headers };
    if (cfg.bearerTokenFile)
      headers.Authorization = `Bearer ${read("prometheus.bearerTokenFile", cfg.bearerTokenFile)}`;
    else if (cfg.basicAuth) {
      const password = read("prometheus.basicAuth.passwordFile", cfg.basicAuth.passwordFile);
      headers.Authorization = `Basic ${Buffer.from(`${cfg.basicAuth.username}:${password}`).toString("base64")}`;
    }
    cached = { at: now, headers };
    return headers;
  };
}
