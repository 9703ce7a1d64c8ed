// `npm run bench`: signalboard against its own Prometheus and a synthetic fleet of N services and
// M nodes. See bench/README.md for what each figure means.
//
//   npx tsx bench/run.ts [--quick] [--sizes 10,200,2000] [--duration 60] [--runs 20]
//                        [--page-runs 5] [--base-port 31090] [--build] [--tv-cycles 2000]
//                        [--tv-max-seconds 1200] [--tv-sample-every 100] [--only tv] [--js-flags='…']
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { StackError } from "../demo/ports";
import { repoRoot } from "../demo/processes";
import { InstantSource, OVERVIEW_QUERY, probe, timedGet } from "./api";
import { pagesFirstLoadJs } from "./browser";
import { callsNotes, measureCalls } from "./calls";
import { benchOptions, nodesFor } from "./options";
import { runLoad } from "./load";
import { overviewRows } from "./row-timing";
import { fullReport, tvLine, type BenchResult, type SizeResult } from "./report";
import { QueryCounter } from "./query-counter";
import { BenchSession } from "./session";
import {
  assertBenchPortsFree,
  benchPorts,
  prepareApp,
  SCRAPE_INTERVAL_SECONDS,
  startDashboard,
  stop,
  survivors,
  writeDashboardConfig,
  type Dashboard,
} from "./stack";
import {
  prometheusBinary,
  prometheusVersion,
  startUpstream,
  upstreamStats,
  waitForScrapes,
  type Upstream,
} from "./upstream";
import { nodeInstance, serviceName } from "./synthetic-fleet";
import { tvSoak, type TvSoakResult } from "./tv-soak";
import { runViewers } from "./viewers";

const opts = benchOptions();

const session = new BenchSession(opts);
const { log } = session;
session.stopOnSignals();

async function main(): Promise<void> {
  const root = repoRoot();
  const ports = benchPorts(opts.basePort);
  // One scratch folder per base port: two benches on different ports must not share it.
  const scratch = join(root, ".tmp", "bench", String(opts.basePort));
  mkdirSync(scratch, { recursive: true });
  // Ports can be briefly taken by other programs' outgoing connections; wait up to a minute.
  for (let attempt = 1; ; attempt++) {
    try {
      await assertBenchPortsFree(ports);
      break;
    } catch (e) {
      if (attempt >= 12) throw e;
      log(`${(e as Error).message}; trying again in 5 s`);
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
  const prometheusBin = prometheusBinary();
  log(`options: ${JSON.stringify(opts)}`);
  const loadAtStart = loadavg()[0] ?? NaN;

  const app = prepareApp(root, scratch, opts.build, log);
  log(`dashboard build ${app.buildId} (${app.builtAt}) copied to ${app.dir}`);
  const configFile = join(scratch, "signalboard.yaml");
  const prometheusUrl = `http://127.0.0.1:${ports.prometheus}`;
  writeDashboardConfig(configFile, prometheusUrl);

  const result: BenchResult = {
    startedAt: new Date(session.started).toISOString(),
    finishedAt: "",
    durationSeconds: 0,
    command: `npx tsx bench/run.ts ${process.argv.slice(2).join(" ")}`.trim(),
    options: opts,
    machine: {
      cpus: cpus().length,
      memoryGiB: totalmem() / 1024 ** 3,
      node: process.version,
      prometheus: prometheusVersion(prometheusBin),
    },
    build: { buildId: app.buildId, builtAt: app.builtAt, builtByBench: app.built },
    sizes: [],
    pagesJs: [],
    tv: { skipped: "no size with N ≥ 200 was run" },
    notes: [
      `machine load average (1 min) at start: ${loadAtStart.toFixed(1)} on ${cpus().length} cores (other work on the machine shares the CPUs)`,
    ],
    processesLeft: 0,
  };

  let upstream: Upstream | undefined;
  let launches = 0;
  /** A new dashboard process (empty caches), on the port the previous one did not use. */
  const launchDash = (sizeDir: string): Promise<Dashboard> => {
    const n = launches++;
    return startDashboard({
      appDir: app.dir,
      port: ports.dashboards[n % 2] as number,
      prometheusUrl,
      configFile,
      logFile: join(sizeDir, `dashboard-${n}.log`),
    });
  };

  /** 6. The TV soak: once, at the first size with the browser phases, if /tv answers. */
  const runTvSoak = async (size: SizeResult, dashboardUrl: string): Promise<void> => {
    if (size.tvStatus !== 200) {
      result.tv = { skipped: `/tv answered HTTP ${size.tvStatus} at N=${size.services}` };
      return;
    }
    session.checkTime("the TV soak");
    const browser = await session.chromium();
    result.machine.chromium = browser.version();
    log(
      `TV soak: ${opts.tvWarmupCycles} warm-up and ${opts.tvCycles} measured refresh cycles (at most ${opts.tvMaxSeconds} s), heap and DOM every ${opts.tvSampleEvery}…`,
    );
    const tv = await tvSoak(browser, {
      baseUrl: dashboardUrl,
      refreshSeconds: 10,
      warmupCycles: opts.tvWarmupCycles,
      cycles: opts.tvCycles,
      sampleEvery: opts.tvSampleEvery,
      maxSeconds: opts.tvMaxSeconds,
      log,
    });
    result.tv = tv satisfies TvSoakResult;
    log(`  ${tvLine(result)}`);
  };

  let browserSizesDone = 0;
  for (const services of opts.sizes) {
    session.checkTime(`N=${services}`);
    const nodes = nodesFor(services);
    const sizeDir = join(scratch, `n${services}`);
    log(`=== N=${services} services, M=${nodes} nodes ===`);
    upstream = await startUpstream({ root, dataDir: sizeDir, ports, services, nodes, prometheusBin });
    const dataSince = Date.now() / 1000;
    log(
      `Prometheus (pid ${upstream.prometheus.pid}) and exporter (pid ${upstream.exporter.pid}) up; waiting for 4 scrapes…`,
    );
    await waitForScrapes(upstream.url, 4, 180_000);
    const stats = await upstreamStats(upstream.url);
    log(`data in: ${stats.headSeries} head series, last scrape ${JSON.stringify(stats.scrapeSeconds)} s`);
    const size: SizeResult = {
      services,
      nodes,
      upstream: stats,
      nodesRouteStatus: 0,
      tvStatus: 0,
      viewers: [],
      notes: [],
    };
    result.sizes.push(size);

    let dash = await launchDash(sizeDir);
    const counter = new QueryCounter(() => dash.url, upstream.queryLog);
    size.nodesRouteStatus = await probe(`${dash.url}/api/v1/nodes`);
    size.tvStatus = await probe(`${dash.url}/tv`);
    log(
      `dashboard up (pid ${dash.child.pid}); /api/v1/nodes answers ${size.nodesRouteStatus}, /tv answers ${size.tvStatus}`,
    );
    if (size.nodesRouteStatus !== 200)
      size.notes.push(`/api/v1/nodes answered HTTP ${size.nodesRouteStatus}: per-call node queries not measured`);

    if (opts.only === "tv") {
      await runTvSoak(size, dash.url);
      await stop(dash.child);
      await stop(upstream.prometheus);
      await stop(upstream.exporter);
      upstream = undefined;
      rmSync(join(sizeDir, "tsdb"), { recursive: true, force: true });
      continue;
    }

    // 2. Viewers first, each phase on a freshly started dashboard (empty caches), so that the
    //    data reaches far enough back for the cold rounds that follow. The next phase's dashboard
    //    starts as soon as this phase's polls are done, so that it is ready at the next aligned start.
    let next: Promise<Dashboard> = launchDash(sizeDir);
    void next.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    for (const viewers of opts.viewers) {
      session.checkTime(`${viewers} viewers`);
      const previous = dash;
      dash = await next;
      await stop(previous.child);
      log(
        `${viewers} viewer(s) polling /api/v1/services?${OVERVIEW_QUERY} every ${SCRAPE_INTERVAL_SECONDS} s for ${opts.durationSeconds} s…`,
      );
      const v = await runViewers({
        dashboardUrl: dash.url,
        prometheusUrl: upstream.url,
        counter,
        viewers,
        durationSeconds: opts.durationSeconds,
        afterPolls: () => {
          next = launchDash(sizeDir);
          void next.catch(() => undefined); // awaited by the next phase, as above
        },
      });
      size.viewers.push(v);
      log(
        `  ${v.polls} polls (${v.failed} failed, ${v.stale} stale, ${v.skipped} slots skipped; started after ${(v.waitedMs / 1000).toFixed(1)} s alignment wait), upstream ${v.promql} PromQL + ${v.upstream.metrics - v.promql} metadata (our /metrics), ${v.upstream.queryLog} in the query log; cache ${JSON.stringify(v.upstream.cache)}`,
      );
    }

    // 1 and 3. Cold and warm rounds on a fresh dashboard. It is warmed up with /api/health and
    //    /api/v1/status only (start-up, metric names): any /api/v1/services call would leave a
    //    "last good" answer that the dashboard serves as stale for every later instant.
    session.checkTime("cold/warm rounds");
    {
      const previous = dash;
      dash = await next;
      await stop(previous.child);
    }
    await timedGet(`${dash.url}/api/health`);
    await timedGet(`${dash.url}/api/v1/status`);
    const instants = new InstantSource(Date.now() / 1000, dataSince + 4 * SCRAPE_INTERVAL_SECONDS + 10);
    log(`${opts.runs} cold/warm rounds, each at an evaluation instant not asked before…`);
    size.calls = await measureCalls({
      dashboardUrl: dash.url,
      prometheusUrl: upstream.url,
      counter,
      instants,
      runs: opts.runs,
      maxSeconds: opts.roundsSeconds,
      nodesRoute: size.nodesRouteStatus === 200,
      log,
    });
    size.notes.push(...callsNotes(size.calls, services));

    // 4 and 6. The browser, from N = 200 on.
    if (services >= opts.browserMinServices) {
      session.checkTime("the browser");
      const browser = await session.chromium();
      log(`overview in Chromium ${browser.version()}: ${opts.pageRuns} cold page loads…`);
      result.machine.chromium = browser.version();
      size.rows = await overviewRows(browser, dash.url, opts.pageRuns, log, { slotSeconds: SCRAPE_INTERVAL_SECONDS });
      if (size.rows.note) size.notes.push(`overview rows: ${size.rows.note}`);
      if (browserSizesDone === 0) {
        const pages = ["/", "/tv", `/services/${serviceName(0)}`, `/nodes/${encodeURIComponent(nodeInstance(0))}`];
        result.pagesJs.push(...(await pagesFirstLoadJs(browser, dash.url, pages, log)));
        await runTvSoak(size, dash.url);
      }
      browserSizesDone++;
    }

    // 5. Load on the warm dashboard.
    session.checkTime("wrk");
    log(`wrk: ${opts.connections} connections for ${opts.durationSeconds} s on /api/v1/services…`);
    size.load = await runLoad({
      url: `${dash.url}/api/v1/services`,
      connections: opts.connections,
      durationSeconds: opts.durationSeconds,
      pid: dash.child.pid,
      logDir: sizeDir,
      root,
      log,
    });
    log(
      `  ${size.load.requestsPerSecond.toFixed(0)} req/s, p95 ${size.load.latencyMs.p95.toFixed(1)} ms, non-2xx ${size.load.non2xx}, RSS ${JSON.stringify(size.load.rssMiB)}`,
    );

    await stop(dash.child);
    await stop(upstream.prometheus);
    await stop(upstream.exporter);
    upstream = undefined;
    rmSync(join(sizeDir, "tsdb"), { recursive: true, force: true }); // N=2000 leaves ~300 MB
  }

  await session.cleanup();
  const left = await survivors();
  result.processesLeft = left.length;
  if (left.length)
    result.notes.push(`still running after cleanup: ${left.map((c) => `${c.name} (${c.pid})`).join(", ")}`);
  result.finishedAt = new Date().toISOString();
  result.durationSeconds = (Date.now() - session.started) / 1000;

  const report = fullReport(result);
  process.stdout.write(`\n${report}\n`);
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, "-");
  const json = `${JSON.stringify({ ...result, report }, null, 2)}\n`;
  writeFileSync(join(dir, `${stamp}.json`), json);
  writeFileSync(join(dir, "latest.json"), json);
  log(`wrote bench/results/${stamp}.json and bench/results/latest.json`);
}

/** A StackError says what to fix: its message alone; anything else with its stack. */
function failure(e: unknown): string {
  if (e instanceof StackError) return e.message;
  if (e instanceof Error) return e.stack ?? e.message;
  return String(e);
}

main()
  .catch(async (e: unknown) => {
    process.stderr.write(`bench failed: ${failure(e)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await session.cleanup();
    if (session.interrupted) return;
    const left = await survivors();
    if (left.length) process.stderr.write(`left running: ${left.map((c) => `${c.name} (${c.pid})`).join(", ")}\n`);
    // Playwright and undici keep-alive handles must not hold the process open.
    process.exit(process.exitCode ?? 0);
  });
