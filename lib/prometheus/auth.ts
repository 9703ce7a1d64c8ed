import type { Config } from "@/lib/config/schema";
import { rebuiltOnChange, type RebuildOptions, type SettingFile } from "./watched-files";

/**
 * Builds the headers every upstream request carries: configured headers plus bearer or basic auth.
 * The token or password file is read again when it changes (Kubernetes rotates projected tokens
 * and Secrets in place); a file that cannot be read is a config error naming the setting.
 */
export function upstreamHeaders(
  cfg: Config["prometheus"],
  o: Pick<RebuildOptions<unknown>, "checkEveryMs" | "now"> = {},
): () => Record<string, string> {
  const secret: SettingFile | undefined = cfg.bearerTokenFile
    ? { setting: "prometheus.bearerTokenFile", path: cfg.bearerTokenFile }
    : cfg.basicAuth && { setting: "prometheus.basicAuth.passwordFile", path: cfg.basicAuth.passwordFile };
  return rebuiltOnChange(
    secret ? [secret] : [],
    ([content]) => {
      const headers: Record<string, string> = { ...cfg.headers };
      const value = content?.toString("utf8").trim() ?? "";
      if (cfg.bearerTokenFile) headers.Authorization = `Bearer ${value}`;
      else if (cfg.basicAuth)
        headers.Authorization = `Basic ${Buffer.from(`${cfg.basicAuth.username}:${value}`).toString("base64")}`;
      return headers;
    },
    o,
  );
}
