import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { renderSourcesConfig } from "../../demo/clusters";
import { startDashboard } from "../../demo/dashboard";
import { portMap } from "../../demo/ports";
import { stopGroup } from "../../demo/processes";
import { E2E_BASE_PORT } from "../../playwright.config";
import { startPrometheus } from "../integration/extra";

/** A port nothing listens on at the moment it is returned: the kernel's pick, released at once. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * A second built dashboard, beside the stack's, pointed at `prometheusUrl`: for a misconfigured
 * upstream, which the shared stack cannot be made into, or (with `config`, top-level sections added
 * to the demo's configuration) settings the stack's dashboard does not have. Stop it when done.
 */
export async function startSecondDashboard(
  prometheusUrl: string,
  config?: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = resolve(__dirname, "../..");
  const dir = join(root, ".tmp", "e2e-second-dashboard");
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  let configFile: string | undefined;
  if (config) {
    configFile = join(dir, "signalboard.yaml");
    writeFileSync(configFile, `${readFileSync(join(root, "demo", "signalboard.yaml"), "utf8")}\n${config}`);
  }
  const child = await startDashboard({ root, port, prometheusUrl, configFile, logFile: join(dir, "dashboard.log") });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopGroup(child) };
}

/**
 * A dashboard configured with several sources, as `npm run demo -- --clusters 2` writes it: the
 * demo's configuration with one `sources:` entry per Prometheus. Stop it when done.
 */
export async function startSourcesDashboard(
  sources: { name: string; prometheusUrl: string }[],
): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = resolve(__dirname, "../..");
  const dir = join(root, ".tmp", "e2e-sources-dashboard");
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const configFile = join(dir, "signalboard.yaml");
  writeFileSync(configFile, renderSourcesConfig(readFileSync(join(root, "demo", "signalboard.yaml"), "utf8"), sources));
  const child = await startDashboard({ root, port, configFile, logFile: join(dir, "dashboard.log") });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopGroup(child) };
}

/**
 * A Prometheus of its own that scrapes only the stack's node_exporter, under a job the node view
 * does not select by default: a new user's upstream, where no convention and no node selector match.
 */
export async function startPlainPrometheus(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = join(resolve(__dirname, "../.."), ".tmp", "e2e-plain-prometheus");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const prometheus = await startPrometheus({
    dir,
    port: await freePort(),
    scrapeIntervalSeconds: 1,
    job: "node-exporter",
  });
  prometheus.setTargets([`127.0.0.1:${portMap(E2E_BASE_PORT).nodeExporter}`]);
  return prometheus;
}
