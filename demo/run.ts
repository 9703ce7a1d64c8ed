// `npm run demo`: installs what is missing, starts the local stack and the dashboard, and stops
// everything on Ctrl-C. Options: see USAGE.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { demoClusters, parseClusters, renderSourcesConfig, type DemoCluster } from "./clusters";
import { build, needsBuild, startDashboard } from "./dashboard";
import { ensureBinaries } from "./install";
import { assertPortsFree, describePorts, portMap, StackError } from "./ports";
import { repoRoot, stopGroup, type Child } from "./processes";
import { loadRecordedRules } from "./recorded-rules";
import { startStack, type Stack } from "./stack";
import { DEMO_SERVICES_WITH_TRAFFIC, waitForTraffic } from "./wait-for-traffic";

/** How long the demo waits for the dashboard to show every service's traffic before it says so. */
const TRAFFIC_WAIT_MS = 120_000;

const USAGE = `usage: npm run demo -- [options]
  --base-port N    first port of the stack (default 9090: Prometheus; see demo/README.md)
  --clusters N     1, or 2: a second cluster "us" (its own stack at base port + 100) beside "eu",
                   and the dashboard configured with both as sources
  --data-dir DIR   Prometheus data, logs and generated config (default .tmp/demo)
  --fresh          empty the data dir first (no history from earlier runs)
  --no-history     do not backfill a day of past traffic into an empty data dir
  --port N         dashboard port (default 3000)
  --build          build the dashboard even if it looks up to date
  --no-build       never build the dashboard
  --no-dashboard   start only the stack (Prometheus, exporters, demo fleet)
  --no-install     do not apt-get install missing prometheus / node_exporter
  --raw            do not load signalboard's recording rules into Prometheus (raw series only)`;

function parsePort(text: string, option: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1024 || port > 65_000)
    throw new StackError(`${option} must be a port number between 1024 and 65000`);
  return port;
}

interface RunningCluster extends DemoCluster {
  dataDir: string;
  stack: Stack;
}

function banner(
  clusters: RunningCluster[],
  dashboardUrl: string | undefined,
  dataDir: string,
  noTraffic: string | null,
  rules: string,
): string {
  const [first, ...others] = clusters as [RunningCluster, ...RunningCluster[]];
  const flag = first.basePort === 9090 ? "" : ` --base-port ${first.basePort}`;
  const incident = (args: string) => `npm run incident -- ${args}${flag}`;
  const named = (c: RunningCluster) => (clusters.length > 1 ? ` (${c.name})` : "");
  return [
    "",
    noTraffic === null
      ? "signalboard demo is running"
      : `signalboard demo started, but the dashboard shows no data yet: ${noTraffic}`,
    dashboardUrl ? `  Dashboard    ${dashboardUrl}` : "  Dashboard    (not started: --no-dashboard)",
    ...clusters.flatMap((c) => [
      `  Prometheus   ${c.stack.prometheusUrl}  (UI: ${c.stack.prometheusUrl}/classic/graph)${named(c)}`,
      `  Control      ${c.stack.controlUrl}/status${named(c)}`,
    ]),
    `  Rules        ${rules}`,
    `  Incidents    ${incident("error-burst checkout")}`,
    `               ${incident("latency-spike payments --for 5m")}`,
    `               ${incident("kill-instance checkout --instance 2")}`,
    `               ${incident("node-not-ready sim-node-b")}`,
    `               ${incident("clear")}`,
    ...others.map((c) => `  ${c.name} cluster   npm run incident -- error-burst payments --base-port ${c.basePort}`),
    `  Data, logs   ${dataDir}`,
    "",
    "Ctrl-C to stop.",
    "",
  ].join("\n");
}

/**
 * Loads the recording rules (after the first scrapes, so that every preset the demo exercises is
 * found in use) and says what was loaded; a failure is said, not fatal: the board reads raw series.
 */
async function recordedRules(root: string, clusters: RunningCluster[]): Promise<string> {
  try {
    const [loaded] = await Promise.all(
      clusters.map((c) => loadRecordedRules({ root, dataDir: c.dataDir, prometheusUrl: c.stack.prometheusUrl })),
    );
    if (!loaded) return "not loaded: no cluster";
    const file = relative(root, loaded.file).startsWith("..") ? loaded.file : relative(root, loaded.file);
    return `${loaded.rules} recording rules for ${loaded.conventions.length} conventions in ${file} (--raw: none)`;
  } catch (e) {
    return `not loaded: ${(e as Error).message}`;
  }
}

/** The dashboard's config for several clusters, written into the data dir: demo/signalboard.yaml with `sources:`. */
function writeSourcesConfig(root: string, dataDir: string, clusters: RunningCluster[]): string {
  const file = join(dataDir, "signalboard.yaml");
  const base = readFileSync(join(root, "demo", "signalboard.yaml"), "utf8");
  writeFileSync(
    file,
    renderSourcesConfig(
      base,
      clusters.map((c) => ({ name: c.name, prometheusUrl: c.stack.prometheusUrl })),
    ),
  );
  return file;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "base-port": { type: "string", default: "9090" },
      clusters: { type: "string", default: "1" },
      "data-dir": { type: "string", default: ".tmp/demo" },
      fresh: { type: "boolean", default: false },
      port: { type: "string", default: "3000" },
      build: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "no-dashboard": { type: "boolean", default: false },
      "no-install": { type: "boolean", default: false },
      "no-history": { type: "boolean", default: false },
      raw: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const basePort = parsePort(values["base-port"], "--base-port");
  const dashboardPort = parsePort(values.port, "--port");
  const withDashboard = !values["no-dashboard"];
  const root = repoRoot();
  const dataDir = resolve(values["data-dir"]);
  // The first cluster keeps the data dir of a one-cluster demo, so its history is the same either way.
  const clusters = demoClusters(parseClusters(values.clusters), basePort).map((c, i) => ({
    ...c,
    dataDir: i === 0 ? dataDir : join(dataDir, `cluster-${c.name}`),
  }));

  ensureBinaries(!values["no-install"]);
  const wanted = clusters.flatMap((c) => describePorts(portMap(c.basePort)));
  if (withDashboard) {
    if (wanted.some((w) => w.port === dashboardPort))
      throw new StackError(`--port ${dashboardPort} collides with the stack's ports (base ${basePort})`);
    wanted.push({ port: dashboardPort, what: "the dashboard" });
  }
  // Checked before a possibly long build; startStack checks again.
  await assertPortsFree(wanted);
  if (withDashboard && !values["no-build"] && (values.build || needsBuild(root))) {
    console.log("[demo] building the dashboard (npm run build)");
    build(root);
  }

  if (values.fresh) rmSync(dataDir, { recursive: true, force: true });

  // Filled in as things start, so that a signal during start-up stops what already runs.
  const started: { stacks: Stack[]; dashboard?: Child } = { stacks: [] };
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\n[demo] stopping…");
    if (started.dashboard) await stopGroup(started.dashboard);
    await Promise.all(started.stacks.map((s) => s.stop()));
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

  const running: RunningCluster[] = [];
  // One after the other: two backfills at once would only share the same cores.
  for (const [i, c] of clusters.entries()) {
    const stack = await startStack({
      basePort: c.basePort,
      dataDir: c.dataDir,
      // Only the first cluster's Prometheus scrapes the dashboard's own /metrics.
      dashboardPort: withDashboard && i === 0 ? dashboardPort : undefined,
      history: !values["no-history"],
      log: (line) => console.log(`[demo]${clusters.length > 1 ? ` ${c.name}:` : ""} ${line}`),
    }).catch(async (err: unknown) => {
      await Promise.all(started.stacks.map((s) => s.stop()));
      throw err;
    });
    started.stacks.push(stack);
    running.push({ ...c, stack });
  }
  const stack = (running[0] as RunningCluster).stack;
  try {
    if (withDashboard) {
      const dashboard = await startDashboard({
        root,
        port: dashboardPort,
        ...(running.length > 1
          ? { configFile: writeSourcesConfig(root, dataDir, running) }
          : { prometheusUrl: stack.prometheusUrl }),
        logFile: join(dataDir, "dashboard.log"),
      });
      started.dashboard = dashboard;
      // A watcher for the demo's lifetime: `exited` never rejects, and shutdown() ends the process.
      void dashboard.exited.then((exitCode) => {
        if (stopping) return;
        console.error(`[demo] the dashboard exited (code ${exitCode}); see ${join(dataDir, "dashboard.log")}`);
        void shutdown(1);
      });
    }
  } catch (err) {
    await Promise.all(started.stacks.map((s) => s.stop()));
    throw err;
  }
  const shownDir = relative(root, dataDir).startsWith("..") ? dataDir : relative(root, dataDir);
  const dashboardUrl = withDashboard ? `http://127.0.0.1:${dashboardPort}` : undefined;
  // "Running" means the board shows numbers: right after start Prometheus has not scraped yet.
  let noTraffic: string | null = null;
  if (dashboardUrl) {
    console.log("[demo] dashboard up; waiting for the first scrapes to show every service's traffic");
    await waitForTraffic(dashboardUrl, {
      // One row per service and cluster.
      wanted: DEMO_SERVICES_WITH_TRAFFIC * running.length,
      timeoutMs: TRAFFIC_WAIT_MS,
      progress: (line) => console.log(`[demo] ${line}`),
    }).catch((e: unknown) => {
      noTraffic = `${(e as Error).message}; see ${join(shownDir, "dashboard.log")}`;
    });
  }
  const rules = values.raw ? "none: --raw (the dashboard reads raw series only)" : await recordedRules(root, running);
  console.log(`[demo] recording rules: ${rules}`);
  console.log(banner(running, dashboardUrl, shownDir, noTraffic, rules));
}

main().catch((err: unknown) => {
  const known =
    err instanceof StackError ||
    (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"));
  console.error(known ? `demo: ${(err as Error).message}` : err);
  if (known && !(err instanceof StackError)) console.error(USAGE);
  process.exit(1);
});
