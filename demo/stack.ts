// Starts the whole local stack: Prometheus, node_exporter, the demo fleet, the Kubernetes and
// conventions simulators, and the control server. Used by `npm run demo`, integration and e2e tests.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { backfillHistory } from "./backfill";
import { startControlServer, type PrometheusState } from "./control";
import { assertPortsFree, describePorts, portMap, StackError, type PortMap } from "./ports";
import { findOnPath, pauseGroup, repoRoot, spawnGroup, stopGroup, waitForHttp, type Child } from "./processes";
import { writePrometheusConfig } from "./prometheus-config";

export { portMap, StackError, type FleetInstance, type PortMap } from "./ports";

export interface StackOptions {
  basePort: number; // demo: 9090; integration tests: 19090; e2e: 29090
  dataDir: string; // Prometheus TSDB + logs + generated config; survives restarts (demo: .tmp/demo)
  scrapeIntervalSeconds?: number; // default 5
  dashboardPort?: number; // if set, Prometheus also scrapes http://127.0.0.1:<dashboardPort>/metrics as job "signalboard"
  history?: boolean; // backfill a day of the fleet's history into an empty TSDB (demo/backfill.ts); default off
  log?: (line: string) => void;
}

export interface Stack {
  prometheusUrl: string;
  ports: PortMap;
  controlUrl: string;
  stopPrometheus(): Promise<void>;
  startPrometheus(): Promise<void>;
  pausePrometheus(): void;
  resumePrometheus(): void;
  stop(): Promise<void>;
}

export const requiredPackages = "prometheus prometheus-node-exporter";

export function findBinaries(): { prometheus?: string; nodeExporter?: string } {
  return {
    prometheus: findOnPath("prometheus"),
    nodeExporter: findOnPath("prometheus-node-exporter") ?? findOnPath("node_exporter"),
  };
}

export async function startStack(o: StackOptions): Promise<Stack> {
  const log = o.log ?? (() => {});
  const { prometheus: prometheusBin, nodeExporter: nodeExporterBin } = findBinaries();
  if (!prometheusBin || !nodeExporterBin) {
    throw new StackError(`prometheus and node_exporter must be on PATH (Debian: apt-get install ${requiredPackages})`);
  }
  const ports = portMap(o.basePort);
  await assertPortsFree(describePorts(ports));

  const root = repoRoot();
  const dataDir = resolve(o.dataDir);
  mkdirSync(join(dataDir, "prometheus"), { recursive: true });
  const prometheusUrl = `http://127.0.0.1:${ports.prometheus}`;
  const controlUrl = `http://127.0.0.1:${ports.control}`;
  const configFile = writePrometheusConfig(
    { ports, dataDir, scrapeIntervalSeconds: o.scrapeIntervalSeconds ?? 5, dashboardPort: o.dashboardPort },
    root,
    controlUrl,
  );

  if (o.history) {
    const history = await backfillHistory({ ports, dataDir, tsdbDir: join(dataDir, "prometheus"), log });
    if (history)
      log(
        `backfilled ${history.blocks} blocks of history (until ${new Date(history.end * 1000).toISOString()}) in ${history.seconds.toFixed(1)} s`,
      );
  }

  const children = new Set<Child>();
  const expectedExits = new Set<Child>(); // stopped on purpose (Prometheus failure tests)
  let stopping = false;
  let prometheus: Child | undefined;
  let paused = false;
  const spawnLogged = (name: string, cmd: string, args: string[]) => {
    const child = spawnGroup(name, cmd, args, { cwd: root, logFile: join(dataDir, `${name}.log`) });
    children.add(child);
    // A watcher for the child's lifetime: `exited` never rejects.
    void child.exited.then((code) => {
      children.delete(child);
      if (stopping || expectedExits.has(child)) return;
      log(
        `${name} exited unexpectedly (${code === null ? "killed by a signal" : `code ${code}`}); see ${child.logFile}`,
      );
    });
    log(`started ${name} (pid ${child.pid})`);
    return child;
  };
  const node = (name: string, file: string, args: string[]) =>
    spawnLogged(name, process.execPath, ["--import", "tsx", join(root, "demo", file), ...args]);

  const startPrometheus = async () => {
    if (prometheus && !prometheus.hasExited()) return;
    paused = false;
    prometheus = spawnLogged("prometheus", prometheusBin, [
      `--config.file=${configFile}`,
      `--web.listen-address=127.0.0.1:${ports.prometheus}`,
      `--storage.tsdb.path=${join(dataDir, "prometheus")}`,
      "--web.enable-lifecycle",
    ]);
    await waitForHttp(`${prometheusUrl}/-/ready`, prometheus);
  };
  const stopPrometheus = async () => {
    if (!prometheus) return;
    expectedExits.add(prometheus);
    await stopGroup(prometheus);
    paused = false;
  };
  const setPaused = (pause: boolean) => {
    if (!prometheus || prometheus.hasExited()) return;
    pauseGroup(prometheus, pause);
    paused = pause;
  };
  const prometheusState = (): PrometheusState => {
    if (!prometheus || prometheus.hasExited()) return "stopped";
    return paused ? "paused" : "running";
  };

  const control = await startControlServer({
    ports,
    prometheusUrl,
    dashboardUrl: o.dashboardPort === undefined ? undefined : `http://127.0.0.1:${o.dashboardPort}`,
    prometheus: {
      stop: stopPrometheus,
      start: startPrometheus,
      pause: () => setPaused(true),
      resume: () => setPaused(false),
      state: prometheusState,
    },
  });

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopping = true;
    stopped ??= Promise.all([...[...children].map((c) => stopGroup(c)), control.close()]).then(() =>
      log("stack stopped"),
    );
    return stopped;
  };

  try {
    // The fleet starts last: its traffic opens many outgoing connections, whose local ports must not
    // take the ports of exporters still starting (possible when the base port is 32768 or more).
    const nodeExporter = spawnLogged("node-exporter", nodeExporterBin, [
      `--web.listen-address=127.0.0.1:${ports.nodeExporter}`,
      "--no-collector.systemd",
    ]);
    const k8s = node("k8s-sim", "k8s-sim.ts", ["--port", String(ports.k8sSim), "--control-url", controlUrl]);
    const conventions = node("conventions-sim", "conventions-sim.ts", ["--port", String(ports.conventions)]);
    const otel = ports.otel.map((o) => ({
      url: `http://127.0.0.1:${o.port}/metrics`,
      child: node(`otel-${o.service}`, "otel-service.ts", ["--service", o.service, "--port", String(o.port)]),
    }));
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${ports.nodeExporter}/metrics`, nodeExporter),
      waitForHttp(`http://127.0.0.1:${ports.k8sSim}/metrics`, k8s),
      waitForHttp(`http://127.0.0.1:${ports.conventions}/metrics`, conventions),
      ...otel.map((o) => waitForHttp(o.url, o.child)),
      startPrometheus(),
    ]);
    const fleet = node("fleet", "fleet.ts", ["--base-port", String(o.basePort)]);
    await Promise.all(ports.fleet.map((i) => waitForHttp(`http://${i.address}/metrics`, fleet)));
  } catch (err) {
    await stop();
    throw err;
  }
  log(`stack ready: Prometheus ${prometheusUrl}, control ${controlUrl}, data in ${dataDir}`);

  return {
    prometheusUrl,
    ports,
    controlUrl,
    stopPrometheus,
    startPrometheus,
    pausePrometheus: () => setPaused(true),
    resumePrometheus: () => setPaused(false),
    stop,
  };
}
