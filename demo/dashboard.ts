// Builds (when needed) and starts the Next.js standalone server for `npm run demo`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { StackError } from "./ports";
import { spawnGroup, waitForHttp, type Child } from "./processes";

const SOURCE_DIRS = ["app", "components", "lib", "public"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function needsBuild(root: string): boolean {
  const server = join(root, ".next", "standalone", "server.js");
  if (!existsSync(server)) return true;
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestMtime(join(root, d))));
  return sources > statSync(server).mtimeMs;
}

export function build(root: string): void {
  const result = spawnSync("npm", ["run", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0)
    throw new StackError("npm run build failed (see above); fix it or start with --no-dashboard");
}

/** The standalone server serves only what is beside it: the same copy `npm run build` makes. */
function copyAssets(root: string): void {
  const result = spawnSync(process.execPath, [join(root, "scripts", "copy-standalone-assets.mjs")], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new StackError("copying the static assets beside the standalone server failed");
}

export interface DashboardOptions {
  root: string;
  port: number;
  /** PROMETHEUS_URL; left out for a configuration that names its `sources:`. */
  prometheusUrl?: string;
  logFile: string;
  configFile?: string; // SIGNALBOARD_CONFIG; default demo/signalboard.yaml
}

/** The environment the standalone server runs with: on 127.0.0.1 only, against `prometheusUrl`. */
export function dashboardEnv(o: { port: number; prometheusUrl?: string; configFile: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(o.port),
    HOSTNAME: "127.0.0.1",
    // Without a URL, unset (child_process leaves undefined values out), even where the shell set one.
    PROMETHEUS_URL: o.prometheusUrl,
    SIGNALBOARD_CONFIG: o.configFile,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
}

export async function startDashboard(o: DashboardOptions): Promise<Child> {
  const server = join(o.root, ".next", "standalone", "server.js");
  if (!existsSync(server)) throw new StackError(`${server} is missing; run without --no-build, or use --no-dashboard`);
  copyAssets(o.root);
  const child = spawnGroup("dashboard", process.execPath, [server], {
    cwd: o.root,
    logFile: o.logFile,
    env: dashboardEnv({ ...o, configFile: o.configFile ?? join(o.root, "demo", "signalboard.yaml") }),
  });
  await waitForHttp(`http://127.0.0.1:${o.port}/api/health`, child, 60_000);
  return child;
}
