// The processes the bench runs: its own Prometheus and the synthetic exporter (upstream.ts) and the
// built dashboard, each in its own process group (demo/processes.ts), tracked so that none is left.
import { cpSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { build, dashboardEnv } from "../demo/dashboard";
import { assertPortsFree } from "../demo/ports";
import { spawnGroup, stopGroup, waitForHttp, type Child } from "../demo/processes";
import { liveGroups } from "./procfs";

export const SCRAPE_INTERVAL_SECONDS = 5;

export interface BenchPorts {
  prometheus: number;
  exporter: number;
  /**
   * Two per mode (raw +2, +3; recorded +4, +5), used in turn: the next dashboard of a mode starts
   * while the current one finishes its phase.
   */
  dashboards: { raw: [number, number]; recorded: [number, number] };
}

export const benchPorts = (base: number): BenchPorts => ({
  prometheus: base,
  exporter: base + 1,
  dashboards: { raw: [base + 2, base + 3], recorded: [base + 4, base + 5] },
});

export async function assertBenchPortsFree(p: BenchPorts): Promise<void> {
  await assertPortsFree([
    { port: p.prometheus, what: "the bench Prometheus" },
    { port: p.exporter, what: "the bench synthetic exporter" },
    ...Object.entries(p.dashboards).flatMap(([mode, pair]) =>
      pair.map((port) => ({ port, what: `the bench dashboard (${mode})` })),
    ),
  ]);
}

/** Every child the bench started and has not stopped yet, so that cleanup can stop them all. */
export const running = new Set<Child>();
/** Every child the bench ever started, to check at the end that none is left. */
export const everStarted: Child[] = [];

export async function stop(child: Child | undefined): Promise<void> {
  if (!child) return;
  await stopGroup(child);
  running.delete(child);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => stop(c)));
}

export function track(child: Child): Child {
  everStarted.push(child);
  running.add(child);
  void child.exited.then(() => running.delete(child)); // a watcher: `exited` never rejects
  return child;
}

/** Started process groups that still have a live member, after waiting up to `graceMs` for stragglers. */
export async function survivors(graceMs = 5000): Promise<Child[]> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const live = liveGroups();
    const left = everStarted.filter((c) => live.has(c.pid));
    if (left.length === 0 || Date.now() > deadline) return left;
    await sleep(200);
  }
}

// ---------------------------------------------------------------------------------------------
// The dashboard build

export interface AppSnapshot {
  dir: string;
  buildId: string;
  builtAt: string;
  built: boolean;
}

/**
 * Builds when `.next/standalone/server.js` is missing (or when asked), then copies the standalone
 * server with its static assets to scratch: other people rebuilding `.next` during a long bench
 * must not swap the server under it.
 */
export function prepareApp(root: string, scratch: string, forceBuild: boolean, log: (s: string) => void): AppSnapshot {
  const server = join(root, ".next", "standalone", "server.js");
  let built = false;
  if (forceBuild || !existsSync(server)) {
    log(forceBuild ? "building (--build)…" : `${server} is missing: running npm run build…`);
    build(root);
    built = true;
  }
  const dir = join(scratch, "app");
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, ".next", "standalone"), dir, { recursive: true, verbatimSymlinks: true });
  cpSync(join(root, ".next", "static"), join(dir, ".next", "static"), { recursive: true });
  if (existsSync(join(root, "public"))) cpSync(join(root, "public"), join(dir, "public"), { recursive: true });
  const buildId = readFileSync(join(dir, ".next", "BUILD_ID"), "utf8").trim();
  return { dir, buildId, builtAt: statSync(server).mtime.toISOString(), built };
}

// ---------------------------------------------------------------------------------------------
// The dashboard

export interface Dashboard {
  child: Child;
  url: string;
}

export async function startDashboard(o: {
  appDir: string;
  port: number;
  /** PROMETHEUS_URL; left out for a configuration naming its `sources:`. */
  prometheusUrl?: string;
  configFile: string;
  logFile: string;
}): Promise<Dashboard> {
  const child = track(
    spawnGroup("dashboard", process.execPath, [join(o.appDir, "server.js")], {
      cwd: o.appDir,
      logFile: o.logFile,
      env: dashboardEnv(o),
    }),
  );
  const url = `http://127.0.0.1:${o.port}`;
  await waitForHttp(`${url}/api/health`, child, 60_000);
  return { child, url };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
