// Extra processes beside the shared stack, for tests that need an upstream of their own.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startDashboard } from "../../demo/dashboard";
import { pauseGroup, spawnGroup, stopGroup, waitForHttp } from "../../demo/processes";
import { findBinaries } from "../../demo/stack";

const root = resolve(__dirname, "../..");

/** An empty folder under .tmp/integration for one test's files. */
export function scratchDir(name: string): string {
  const dir = join(root, ".tmp", "integration", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface ExtraDashboard {
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/** A second built dashboard against `prometheusUrl`, logging to `dir`/dashboard.log. */
export async function startExtraDashboard(o: {
  dir: string;
  port: number;
  prometheusUrl: string;
  scrapeIntervalSeconds: number;
  /** Lines added under `prometheus:`, indented by two spaces (e.g. credentials, TLS). */
  prometheus?: string;
  /** Lines added under `services:`, indented by two spaces (e.g. custom conventions). */
  services?: string;
  /** Top-level sections added at the end (e.g. `cache:`, `recordedSignals:`). */
  config?: string;
}): Promise<ExtraDashboard> {
  const configFile = join(o.dir, "signalboard.yaml");
  writeFileSync(
    configFile,
    `prometheus:\n  timeoutSeconds: 3\n  scrapeIntervalSeconds: ${o.scrapeIntervalSeconds}\n${o.prometheus ?? ""}services:\n  presets: true\n${o.services ?? ""}${o.config ?? ""}`,
  );
  const logFile = join(o.dir, "dashboard.log");
  const child = await startDashboard({ root, port: o.port, prometheusUrl: o.prometheusUrl, logFile, configFile });
  return { url: `http://127.0.0.1:${o.port}`, logFile, stop: () => stopGroup(child) };
}

export interface ExtraPrometheus {
  url: string;
  /** Its query_log_file: only the queries sent to this Prometheus. */
  queryLog: string;
  /** The file_sd targets of the `job` scrape config (none where `scrapeConfigs` were given). */
  setTargets(targets: string[]): void;
  /** Where rule files go (`*.yml`, read on start and on reload). */
  ruleDir: string;
  /** POST /-/reload: reads the configuration and the rule files again; throws when Prometheus refuses them. */
  reload(): Promise<void>;
  /** SIGSTOP (true) or SIGCONT (false): a hung upstream, then a live one again. */
  pause(paused: boolean): void;
  stop(): Promise<void>;
}

/**
 * A Prometheus of its own. It scrapes `scrapeConfigs` where given, else one job named `job` whose
 * targets come from `dir`/targets.json (file_sd: rewritten, it is read again at once). It loads
 * the rule files in `dir`/rules and accepts POST /-/reload. Its query log (`dir`/query.log) holds
 * only the queries sent to it.
 */
export async function startPrometheus(o: {
  dir: string;
  port: number;
  scrapeIntervalSeconds: number;
  job?: string;
  scrapeConfigs?: Record<string, unknown>[];
  /** Served under this path (`--web.route-prefix`), e.g. "/prom"; `url` then ends with it. */
  routePrefix?: string;
}): Promise<ExtraPrometheus> {
  const bin = findBinaries().prometheus;
  if (!bin) throw new Error("prometheus is not on PATH");
  const targetsFile = join(o.dir, "targets.json");
  const setTargets = (targets: string[]) => {
    // Written beside and renamed, so Prometheus never reads half a file.
    writeFileSync(`${targetsFile}.tmp`, JSON.stringify(targets.length ? [{ targets }] : []));
    renameSync(`${targetsFile}.tmp`, targetsFile);
  };
  setTargets([]);
  const ruleDir = join(o.dir, "rules");
  mkdirSync(ruleDir, { recursive: true });
  const config = join(o.dir, "prometheus.yml");
  const queryLog = join(o.dir, "query.log");
  const interval = `${o.scrapeIntervalSeconds}s`;
  writeFileSync(
    config,
    JSON.stringify({
      global: { scrape_interval: interval, evaluation_interval: interval, query_log_file: queryLog },
      rule_files: [join(ruleDir, "*.yml")],
      scrape_configs: o.scrapeConfigs ?? [{ job_name: o.job ?? "extra", file_sd_configs: [{ files: [targetsFile] }] }],
    }),
  );
  const url = `http://127.0.0.1:${o.port}${o.routePrefix ?? ""}`;
  const child = spawnGroup(
    "prometheus-extra",
    bin,
    [
      `--config.file=${config}`,
      `--web.listen-address=127.0.0.1:${o.port}`,
      `--storage.tsdb.path=${join(o.dir, "data")}`,
      "--web.enable-lifecycle",
      ...(o.routePrefix ? [`--web.route-prefix=${o.routePrefix}`] : []),
    ],
    { cwd: o.dir, logFile: join(o.dir, "prometheus.log") },
  );
  await waitForHttp(`${url}/-/ready`, child);
  const reload = async () => {
    // Prometheus answers 500 with the reason when a rule file does not load.
    const res = await fetch(`${url}/-/reload`, { method: "POST", signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`Prometheus refused the reload (${res.status}): ${await res.text()}`);
  };
  return {
    url,
    queryLog,
    setTargets,
    ruleDir,
    reload,
    pause: (paused) => pauseGroup(child, paused),
    stop: () => stopGroup(child),
  };
}

export interface ExtraVictoriaMetrics {
  url: string;
  pause(paused: boolean): void;
  stop(): Promise<void>;
}

/** A single-node VictoriaMetrics (Debian's `victoria-metrics`) scraping `scrapeConfigs` itself (-promscrape.config). */
export async function startVictoriaMetrics(o: {
  dir: string;
  port: number;
  scrapeIntervalSeconds: number;
  scrapeConfigs: Record<string, unknown>[];
}): Promise<ExtraVictoriaMetrics> {
  const config = join(o.dir, "scrape.yml");
  // No rule_files: VictoriaMetrics's scraper refuses keys it does not know.
  writeFileSync(
    config,
    JSON.stringify({ global: { scrape_interval: `${o.scrapeIntervalSeconds}s` }, scrape_configs: o.scrapeConfigs }),
  );
  const url = `http://127.0.0.1:${o.port}`;
  const child = spawnGroup(
    "victoria-metrics",
    "victoria-metrics",
    [
      `-httpListenAddr=127.0.0.1:${o.port}`,
      `-storageDataPath=${join(o.dir, "data")}`,
      "-retentionPeriod=1d",
      `-promscrape.config=${config}`,
      // By default it hides the newest 30 s (samples still arriving) and caches range results: a
      // test comparing it with its own answer a moment later needs neither.
      "-search.latencyOffset=1s",
      "-search.disableCache",
    ],
    { cwd: o.dir, logFile: join(o.dir, "victoria-metrics.log") },
  );
  await waitForHttp(`${url}/health`, child);
  return { url, pause: (paused) => pauseGroup(child, paused), stop: () => stopGroup(child) };
}

/** A built dashboard whose configuration is `yaml` as given (no PROMETHEUS_URL: the file names its sources). */
export async function startConfiguredDashboard(o: {
  dir: string;
  port: number;
  yaml: string;
}): Promise<ExtraDashboard> {
  const configFile = join(o.dir, "signalboard.yaml");
  writeFileSync(configFile, o.yaml);
  const logFile = join(o.dir, "dashboard.log");
  const child = await startDashboard({ root, port: o.port, logFile, configFile });
  return { url: `http://127.0.0.1:${o.port}`, logFile, stop: () => stopGroup(child) };
}
