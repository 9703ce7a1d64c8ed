// `npm run bench`: signalboard against its own Prometheus and a synthetic fleet of N services and
// M nodes. See bench/README.md for what each figure means.
//
//   npx tsx bench/run.ts [--quick] [--sizes 10,200,2000] [--duration 60] [--runs 20]
//                        [--page-runs 5] [--base-port 31090] [--build] [--tv-cycles 2000]
//                        [--tv-max-seconds 1200] [--tv-sample-every 100] [--only tv] [--js-flags='…']
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { StackError } from '../demo/ports';
import { repoRoot } from '../demo/processes';
import { InstantSource, OVERVIEW_QUERY, probe, timedGet } from './api';
import { firstLoadJs, launchBrowser, type PageJs } from './browser';
import { measureCalls } from './calls';
import { runLoad } from './load';
import { overviewRows } from './row-timing';
import { fullReport, tvLine, type BenchResult, type SizeResult } from './report';
import { QueryCounter } from './query-counter';
import { assertBenchPortsFree, benchPorts, prepareApp, SCRAPE_INTERVAL_SECONDS, startDashboard, stop, stopAll, survivors, writeDashboardConfig, type Dashboard } from './stack';
import { prometheusBinary, prometheusVersion, startUpstream, upstreamStats, waitForScrapes, type Upstream } from './upstream';
import { nodeInstance, serviceName } from './synthetic-fleet';
import { tvSoak, type TvSoakResult } from './tv-soak';
import { runViewers } from './viewers';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    duration: { type: 'string' },
    runs: { type: 'string' },
    'rounds-seconds': { type: 'string' },
    'page-runs': { type: 'string' },
    'base-port': { type: 'string', default: '31090' },
    build: { type: 'boolean', default: false },
    'tv-cycles': { type: 'string', default: '2000' },
    'tv-warmup': { type: 'string' },
    'tv-max-seconds': { type: 'string' },
    'tv-sample-every': { type: 'string', default: '100' },
    only: { type: 'string' },
    'js-flags': { type: 'string' },
    'max-minutes': { type: 'string', default: '45' },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  process.stdout.write(
    [
      'usage: npm run bench -- [options]',
      '  --quick              N=10,200 only, 15 s phases, fewer rounds (a smoke run, ~5 min)',
      '  --sizes 10,200,2000  fleet sizes N (services); nodes M = 5, 50, 200 for those, else clamp(N/4, 5, 200)',
      '  --duration 60        seconds of each viewer phase and of the wrk load',
      '  --runs 20            cold/warm rounds per size…',
      '  --rounds-seconds 150 …or fewer once this many seconds are used up',
      '  --page-runs 5        page loads per size in Chromium (N >= 200 only)',
      '  --base-port 31090    Prometheus on it, the exporter on +1, the dashboards on +2 and +3',
      '  --build              run npm run build first even if .next/standalone/server.js exists',
      '  --tv-warmup 1000     refresh cycles of the TV soak before its start sample (100 with --quick)',
      '  --tv-cycles 2000     refresh cycles of the TV soak from its start sample to its end (runs only when /tv answers 200)',
      '  --tv-max-seconds 1200 …or fewer once the soak has run this long (600 with --quick)',
      '  --tv-sample-every 100 a heap and DOM sample every this many cycles of the soak',
      '  --only tv            only the TV soak, at the first size N >= 200 (default N=200): no viewers,',
      '                       rounds, page loads or wrk',
      "  --js-flags='…'       V8 flags for the bench's Chromium, for experiments (--js-flags='--no-opt --no-maglev')",
      '  --max-minutes 45     stop starting new rounds after this long',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

function intFlag(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new StackError(`--${name} must be a whole number ≥ ${min}, not "${value}"`);
  return n;
}

if (flags.only !== undefined && flags.only !== 'tv') throw new StackError(`--only takes "tv", not "${flags.only}"`);
const onlyTv = flags.only === 'tv';
const quick = flags.quick;
const BROWSER_MIN_SERVICES = 200;
/** The fleet sizes run when --sizes is not given. */
function defaultSizes(): string {
  if (onlyTv) return '200';
  return quick ? '10,200' : '10,200,2000';
}
const allSizes = (flags.sizes ?? defaultSizes()).split(',').map((s) => intFlag('sizes', s.trim(), 0));
// --only tv: the first size that has the browser phases; the soak runs at one size only.
const tvSize = allSizes.find((n) => n >= BROWSER_MIN_SERVICES);
if (onlyTv && tvSize === undefined) throw new StackError(`--only tv needs a size N >= ${BROWSER_MIN_SERVICES} in --sizes`);
const opts = {
  quick,
  only: onlyTv ? 'tv' : null,
  sizes: onlyTv ? [tvSize as number] : allSizes,
  durationSeconds: intFlag('duration', flags.duration, quick ? 15 : 60, 5),
  runs: intFlag('runs', flags.runs, quick ? 6 : 20),
  roundsSeconds: intFlag('rounds-seconds', flags['rounds-seconds'], quick ? 60 : 150),
  pageRuns: intFlag('page-runs', flags['page-runs'], quick ? 3 : 5),
  basePort: intFlag('base-port', flags['base-port'], 31090, 1024),
  build: flags.build,
  tvWarmupCycles: intFlag('tv-warmup', flags['tv-warmup'], quick ? 100 : 1000, 0),
  tvCycles: intFlag('tv-cycles', flags['tv-cycles'], 2000),
  tvMaxSeconds: intFlag('tv-max-seconds', flags['tv-max-seconds'], quick ? 600 : 1200),
  tvSampleEvery: intFlag('tv-sample-every', flags['tv-sample-every'], 100),
  jsFlags: flags['js-flags'] ?? null,
  maxMinutes: intFlag('max-minutes', flags['max-minutes'], 45),
  viewers: [1, 10, 50],
  connections: 200,
  browserMinServices: BROWSER_MIN_SERVICES,
};

const NODES_FOR: Record<number, number> = { 10: 5, 200: 50, 2000: 200 };
const nodesFor = (n: number) => NODES_FOR[n] ?? Math.max(5, Math.min(200, Math.round(n / 4)));

const started = Date.now();
const deadline = started + opts.maxMinutes * 60_000;
const log = (s: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);

let browser: Browser | undefined;
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await stopAll();
  })();
  return cleaning;
}

let interrupted = false;
let interruptedAt = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) {
      // npm and tsx relay a terminal's Ctrl-C as more signals: only a later, second Ctrl-C means
      // "leave now" (the exit hook in demo/processes.ts still sends SIGTERM to every group).
      if (Date.now() - interruptedAt > 3000) process.exit(130);
      return;
    }
    interrupted = true;
    interruptedAt = Date.now();
    log(`${signal}: stopping everything the bench started…`);
    void cleanup().then(async () => {
      const left = await survivors();
      log(left.length ? `left running: ${left.map((c) => `${c.name} (${c.pid})`).join(', ')}` : 'all stopped');
      process.exit(130);
    });
  });
}

function checkTime(what: string): void {
  if (interrupted) throw new StackError('interrupted');
  if (Date.now() > deadline) throw new StackError(`--max-minutes ${opts.maxMinutes} reached before ${what}`);
}

async function main(): Promise<void> {
  const root = repoRoot();
  const ports = benchPorts(opts.basePort);
  // One scratch folder per base port: two benches on different ports must not share it.
  const scratch = join(root, '.tmp', 'bench', String(opts.basePort));
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
  const configFile = join(scratch, 'signalboard.yaml');
  const prometheusUrl = `http://127.0.0.1:${ports.prometheus}`;
  writeDashboardConfig(configFile, prometheusUrl);

  const result: BenchResult = {
    startedAt: new Date(started).toISOString(),
    finishedAt: '',
    durationSeconds: 0,
    command: `npx tsx bench/run.ts ${process.argv.slice(2).join(' ')}`.trim(),
    options: opts,
    machine: { cpus: cpus().length, memoryGiB: totalmem() / 1024 ** 3, node: process.version, prometheus: prometheusVersion(prometheusBin) },
    build: { buildId: app.buildId, builtAt: app.builtAt, builtByBench: app.built },
    sizes: [],
    pagesJs: [],
    tv: { skipped: 'no size with N ≥ 200 was run' },
    notes: [`machine load average (1 min) at start: ${loadAtStart.toFixed(1)} on ${cpus().length} cores (other work on the machine shares the CPUs)`],
    processesLeft: 0,
  };

  let upstream: Upstream | undefined;
  let launches = 0;
  /** A new dashboard process (empty caches), on the port the previous one did not use. */
  const launchDash = (sizeDir: string): Promise<Dashboard> => {
    const n = launches++;
    return startDashboard({ appDir: app.dir, port: ports.dashboards[n % 2] as number, prometheusUrl, configFile, logFile: join(sizeDir, `dashboard-${n}.log`) });
  };

  /** 6. The TV soak: once, at the first size with the browser phases, if /tv answers. */
  const runTvSoak = async (size: SizeResult, dashboardUrl: string): Promise<void> => {
    if (size.tvStatus !== 200) {
      result.tv = { skipped: `/tv answered HTTP ${size.tvStatus} at N=${size.services}` };
      return;
    }
    checkTime('the TV soak');
    browser ??= await launchBrowser(opts.jsFlags ?? undefined);
    result.machine.chromium = browser.version();
    log(`TV soak: ${opts.tvWarmupCycles} warm-up and ${opts.tvCycles} measured refresh cycles (at most ${opts.tvMaxSeconds} s), heap and DOM every ${opts.tvSampleEvery}…`);
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
    checkTime(`N=${services}`);
    const nodes = nodesFor(services);
    const sizeDir = join(scratch, `n${services}`);
    log(`=== N=${services} services, M=${nodes} nodes ===`);
    upstream = await startUpstream({ root, dataDir: sizeDir, ports, services, nodes, prometheusBin });
    const dataSince = Date.now() / 1000;
    log(`Prometheus (pid ${upstream.prometheus.pid}) and exporter (pid ${upstream.exporter.pid}) up; waiting for 4 scrapes…`);
    await waitForScrapes(upstream.url, 4, 180_000);
    const stats = await upstreamStats(upstream.url);
    log(`data in: ${stats.headSeries} head series, last scrape ${JSON.stringify(stats.scrapeSeconds)} s`);
    const size: SizeResult = { services, nodes, upstream: stats, nodesRouteStatus: 0, tvStatus: 0, viewers: [], notes: [] };
    result.sizes.push(size);

    let dash = await launchDash(sizeDir);
    const counter = new QueryCounter(() => dash.url, upstream.queryLog);
    size.nodesRouteStatus = await probe(`${dash.url}/api/v1/nodes`);
    size.tvStatus = await probe(`${dash.url}/tv`);
    log(`dashboard up (pid ${dash.child.pid}); /api/v1/nodes answers ${size.nodesRouteStatus}, /tv answers ${size.tvStatus}`);
    if (size.nodesRouteStatus !== 200) size.notes.push(`/api/v1/nodes answered HTTP ${size.nodesRouteStatus}: per-call node queries not measured`);

    if (onlyTv) {
      await runTvSoak(size, dash.url);
      await stop(dash.child);
      await stop(upstream.prometheus);
      await stop(upstream.exporter);
      upstream = undefined;
      rmSync(join(sizeDir, 'tsdb'), { recursive: true, force: true });
      continue;
    }

    // 2. Viewers first, each phase on a freshly started dashboard (empty caches), so that the
    //    data reaches far enough back for the cold rounds that follow. The next phase's dashboard
    //    starts as soon as this phase's polls are done, so that it is ready at the next aligned start.
    let next: Promise<Dashboard> = launchDash(sizeDir);
    void next.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    for (const viewers of opts.viewers) {
      checkTime(`${viewers} viewers`);
      const previous = dash;
      dash = await next;
      await stop(previous.child);
      log(`${viewers} viewer(s) polling /api/v1/services?${OVERVIEW_QUERY} every ${SCRAPE_INTERVAL_SECONDS} s for ${opts.durationSeconds} s…`);
      const v = await runViewers({
        dashboardUrl: dash.url,
        prometheusUrl: upstream.url,
        counter,
        viewers,
        durationSeconds: opts.durationSeconds,
        afterPolls: () => {
          next = launchDash(sizeDir);
          void next.catch(() => undefined);
        },
      });
      size.viewers.push(v);
      log(`  ${v.polls} polls (${v.failed} failed, ${v.stale} stale, ${v.skipped} slots skipped; started after ${(v.waitedMs / 1000).toFixed(1)} s alignment wait), upstream ${v.promql} PromQL + ${v.upstream.metrics - v.promql} metadata (our /metrics), ${v.upstream.queryLog} in the query log; cache ${JSON.stringify(v.upstream.cache)}`);
    }

    // 1 and 3. Cold and warm rounds on a fresh dashboard. It is warmed up with /api/health and
    //    /api/v1/status only (start-up, metric names): any /api/v1/services call would leave a
    //    "last good" answer that the dashboard serves as stale for every later instant.
    checkTime('cold/warm rounds');
    {
      const previous = dash;
      dash = await next;
      await stop(previous.child);
    }
    await timedGet(`${dash.url}/api/health`);
    await timedGet(`${dash.url}/api/v1/status`);
    const instants = new InstantSource(Date.now() / 1000, dataSince + 4 * SCRAPE_INTERVAL_SECONDS + 10);
    log(`${opts.runs} cold/warm rounds, each at an evaluation instant not asked before…`);
    size.calls = await measureCalls({ dashboardUrl: dash.url, prometheusUrl: upstream.url, counter, instants, runs: opts.runs, maxSeconds: opts.roundsSeconds, nodesRoute: size.nodesRouteStatus === 200, log });
    if (size.calls.errors.length) size.notes.push(...size.calls.errors.slice(0, 5));
    if (size.calls.directFailures) size.notes.push(`${size.calls.directFailures} direct Prometheus batches failed`);
    const cc = size.calls.catalogueCheck;
    if (cc && (cc.sentNotInCatalogue || cc.catalogueNotSent)) {
      size.notes.push(`the dashboard sent ${cc.sent} instant queries per cold call, ${cc.sentNotInCatalogue} of them not in bench/api.ts overviewQueries (${cc.catalogue}); the direct batches replay what it sent`);
    }
    if (size.calls.servicesReturned !== null && size.calls.servicesReturned !== services) size.notes.push(`the dashboard returned ${size.calls.servicesReturned} services, the fleet has ${services}`);

    // 4 and 6. The browser, from N = 200 on.
    if (services >= opts.browserMinServices) {
      checkTime('the browser');
      browser ??= await launchBrowser(opts.jsFlags ?? undefined);
      log(`overview in Chromium ${browser.version()}: ${opts.pageRuns} cold page loads…`);
      result.machine.chromium = browser.version();
      size.rows = await overviewRows(browser, dash.url, opts.pageRuns, log, { slotSeconds: SCRAPE_INTERVAL_SECONDS });
      if (size.rows.note) size.notes.push(`overview rows: ${size.rows.note}`);
      if (browserSizesDone === 0) {
        const pages = ['/', '/tv', `/services/${serviceName(0)}`, `/nodes/${encodeURIComponent(nodeInstance(0))}`];
        for (const path of pages) {
          const status = await probe(`${dash.url}${path}`);
          if (status !== 200) {
            result.pagesJs.push({ path, status, scripts: 0, gzipBytes: null, transferBytes: null, rawBytes: null, note: `n/a: answers ${status}` } satisfies PageJs);
            continue;
          }
          const js = await firstLoadJs(browser, dash.url, path);
          result.pagesJs.push(js);
          log(`  first-load JS ${path}: ${js.scripts} scripts, ${((js.gzipBytes ?? 0) / 1024).toFixed(1)} KiB gzip`);
        }
        await runTvSoak(size, dash.url);
      }
      browserSizesDone++;
    }

    // 5. Load on the warm dashboard.
    checkTime('wrk');
    log(`wrk: ${opts.connections} connections for ${opts.durationSeconds} s on /api/v1/services…`);
    size.load = await runLoad({ url: `${dash.url}/api/v1/services`, connections: opts.connections, durationSeconds: opts.durationSeconds, pid: dash.child.pid, logDir: sizeDir, root, log });
    log(`  ${size.load.requestsPerSecond.toFixed(0)} req/s, p95 ${size.load.latencyMs.p95.toFixed(1)} ms, non-2xx ${size.load.non2xx}, RSS ${JSON.stringify(size.load.rssMiB)}`);

    await stop(dash.child);
    await stop(upstream.prometheus);
    await stop(upstream.exporter);
    upstream = undefined;
    rmSync(join(sizeDir, 'tsdb'), { recursive: true, force: true }); // N=2000 leaves ~300 MB
  }

  await cleanup();
  const left = await survivors();
  result.processesLeft = left.length;
  if (left.length) result.notes.push(`still running after cleanup: ${left.map((c) => `${c.name} (${c.pid})`).join(', ')}`);
  result.finishedAt = new Date().toISOString();
  result.durationSeconds = (Date.now() - started) / 1000;

  const report = fullReport(result);
  process.stdout.write(`\n${report}\n`);
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify({ ...result, report }, null, 2)}\n`;
  writeFileSync(join(dir, `${stamp}.json`), json);
  writeFileSync(join(dir, 'latest.json'), json);
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
    await cleanup();
    if (interrupted) return;
    const left = await survivors();
    if (left.length) process.stderr.write(`left running: ${left.map((c) => `${c.name} (${c.pid})`).join(', ')}\n`);
    // Playwright and undici keep-alive handles must not hold the process open.
    process.exit(process.exitCode ?? 0);
  });
