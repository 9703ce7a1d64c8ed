import { loadConfig } from "./load";
import type { Config } from "./schema";

let current: Config | undefined;

/** The process's configuration, read once from the environment and SIGNALBOARD_CONFIG. */
export function getConfig(): Config {
  current ??= loadConfig({ env: process.env });
  return current;
}

export type { Config, Convention, Thresholds } from "./schema";
