// Loads signalboard's recording rules into the demo's Prometheus (`npm run demo`; `--raw` skips
// it). The rule file is what `npm run rules` prints for the demo's configuration and Prometheus:
// the integration and e2e stacks never load it, their tests compare raw values at any instant.
import { spawnSync } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StackError } from "./ports";

export interface LoadedRules {
  file: string;
  conventions: string[];
  rules: number;
}

/** Writes the rules into `dataDir`/rules (prometheus.yml's rule_files) and reloads Prometheus. */
export async function loadRecordedRules(o: {
  root: string;
  dataDir: string;
  prometheusUrl: string;
  configFile?: string;
}): Promise<LoadedRules> {
  const out = spawnSync(process.execPath, ["--import", "tsx", join(o.root, "scripts", "rules.ts")], {
    cwd: o.root,
    encoding: "utf8",
    env: {
      ...process.env,
      PROMETHEUS_URL: o.prometheusUrl,
      SIGNALBOARD_CONFIG: o.configFile ?? join(o.root, "demo", "signalboard.yaml"),
    },
  });
  if (out.status !== 0) throw new StackError(`npm run rules failed: ${out.stderr.trim()}`);
  const file = join(o.dataDir, "rules", "signalboard-recorded.yml");
  // Written beside and renamed, so a reload never reads half a file.
  writeFileSync(`${file}.tmp`, out.stdout);
  renameSync(`${file}.tmp`, file);
  const res = await fetch(`${o.prometheusUrl}/-/reload`, { method: "POST", signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new StackError(`Prometheus did not load ${file} (${res.status}): ${(await res.text()).trim()}`);
  const conventions = /^# Conventions: (.*)\.$/m.exec(out.stdout)?.[1]?.split(", ") ?? [];
  return { file, conventions, rules: out.stdout.match(/^\s+- record: /gm)?.length ?? 0 };
}
