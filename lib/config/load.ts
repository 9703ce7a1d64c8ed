import fs from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { configSchema, type Config } from "./schema";

/** Raised when the configuration cannot be used; the message names the key at fault. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface ConfigSources {
  env: Record<string, string | undefined>;
  readFile?: (path: string) => string;
}

/** Formats zod issues as `key.path: message`, one per line. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("\n");
}

/** Reads SIGNALBOARD_CONFIG (optional YAML) and the environment into one validated Config. */
export function loadConfig({ env, readFile = (p) => fs.readFileSync(p, "utf8") }: ConfigSources): Config {
  let raw: unknown = {};
  const file = env.SIGNALBOARD_CONFIG;
  if (file) {
    let text: string;
    try {
      text = readFile(file);
    } catch (e) {
      throw new ConfigError(`SIGNALBOARD_CONFIG: cannot read ${file}: ${(e as Error).message}`);
    }
    try {
      raw = parseYaml(text) ?? {};
    } catch (e) {
      throw new ConfigError(`${file}: not valid YAML: ${(e as Error).message}`);
    }
    if (typeof raw !== "object" || Array.isArray(raw)) throw new ConfigError(`${file}: (root): must be a mapping`);
  }
  const withEnv = applyEnv(raw as Record<string, unknown>, env);
  const parsed = configSchema.safeParse(withEnv);
  if (!parsed.success) throw new ConfigError(`${file ?? "configuration"}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

// The environment wins over the file, so one file can serve several deployments (12-factor).
function applyEnv(raw: Record<string, unknown>, env: ConfigSources["env"]): Record<string, unknown> {
  if (!env.PROMETHEUS_URL) return raw;
  if (raw.sources !== undefined)
    throw new ConfigError("PROMETHEUS_URL: is set beside sources:, where each source names its own url; unset it");
  const prometheus = (raw.prometheus ?? {}) as Record<string, unknown>;
  return { ...raw, prometheus: { ...prometheus, url: env.PROMETHEUS_URL } };
}
