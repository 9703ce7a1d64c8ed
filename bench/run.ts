// `npm run bench`: signalboard against its own Prometheus and a synthetic fleet of N services and
// M nodes. See bench/README.md for what each figure means.
//
// Both modes (raw series only, and recorded series where they exist) run on the same Prometheus and
// data at every size.
//
//   npx tsx bench/run.ts [--quick] [--sizes 10,200,2000] [--only raw|recorded|tv] [--skip tv,…]
//                        [--base-port 31090] [--help for all flags]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { StackError } from "../demo/ports";
import { repoRoot } from "../demo/processes";
import { probe } from "./api";
import { pagesFirstLoadJs } from "./browser";
import { benchRuleFile, dashboardConfigYaml, MODES, type Mode } from "./modes";
import { benchOptions, nodesFor } from "./options";
import { SizeRun } from "./phases";
import { fullReport, tvLine, type BenchResult, type SizeResult } from "./report";
import { probeRoutes } from "./route-call";
import { RulesCostSampler } from "./rules-cost";
import { BenchSession } from "./session";
import { fmt } from "./stats";
import {
  assertBenchPortsFree,
  benchPorts,
  prepareApp,
  SCRAPE_INTERVAL_SECONDS,
  startDashboard,
  stop,
  survivors,
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
import { sourcesCase } from "./sources";
import { tvSoak, type TvSoakResult } from "./tv-soak";

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
  const prometheusUrl = `http://127.0.0.1:${ports.prometheus}`;
  const configFiles = Object.fromEntries(
    MODES.map((mode) => {
      const file = join(scratch, `signalboard-${mode}.yaml`);
      writeFileSync(file, dashboardConfigYaml(prometheusUrl, mode));
      return [mode, file];
    }),
  ) as Record<Mode, string>;
  const ruleFile = benchRuleFile(prometheusUrl);

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
  const launches: Record<Mode, number> = { raw: 0, recorded: 0 };
  /** A new dashboard process of a mode (empty caches), on the port of its pair that the previous one did not use. */
  const launchDash = (mode: Mode, sizeDir: string): Promise<Dashboard> => {
    const n = launches[mode]++;
    return startDashboard({
      appDir: app.dir,
      port: ports.dashboards[mode][n % 2] as number,
      prometheusUrl,
      configFile: configFiles[mode],
      logFile: join(sizeDir, `dashboard-${mode}-${n}.log`),
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

  const skip = new Set(opts.skip);
  let browserSizesDone = 0;
  for (const services of opts.sizes) {
    session.checkTime(`N=${services}`);
    const nodes = nodesFor(services);
    const sizeDir = join(scratch, `n${services}`);
    log(`=== N=${services} services, M=${nodes} nodes ===`);
    upstream = await startUpstream({
      root,
      dataDir: sizeDir,
      ports,
      services,
      nodes,
      prometheusBin,
      rules: ruleFile.yaml,
    });
    const up = upstream;
    const promStarted = Date.now();
    const rulesSampler = new RulesCostSampler(up.url, promStarted, SCRAPE_INTERVAL_SECONDS);
    log(
      `Prometheus (pid ${up.prometheus.pid}, ${ruleFile.rules} recording rules in ${ruleFile.groups.join(", ")}) and exporter (pid ${up.exporter.pid}) up; waiting for 4 scrapes…`,
    );
    await waitForScrapes(up.url, 4, 180_000);
    const stats = await upstreamStats(up.url);
    log(`data in: ${stats.headSeries} head series, last scrape ${JSON.stringify(stats.scrapeSeconds)} s`);
    const size: SizeResult = {
      services,
      nodes,
      upstream: stats,
      nodesRouteStatus: 0,
      slosRouteStatus: 0,
      tvStatus: 0,
      ruleFile: { groups: ruleFile.groups, rules: ruleFile.rules },
      modes: {},
      notes: [],
    };
    result.sizes.push(size);
    if (opts.only === "sources") {
      session.checkTime("the sources case");
      (result.sourcesCase ??= []).push(
        await sourcesCase({
          appDir: app.dir,
          dir: sizeDir,
          ports: ports.dashboards.raw,
          prometheusUrl,
          services,
          rounds: Math.min(opts.runs, 6),
          log,
        }),
      );
      await stop(up.prometheus);
      await stop(up.exporter);
      upstream = undefined;
      rmSync(join(sizeDir, "tsdb"), { recursive: true, force: true });
      continue;
    }
    const firstMode = opts.modes[0] as Mode;

    const probeDash = await launchDash(firstMode, sizeDir);
    await probeRoutes(size, probeDash.url);
    size.tvStatus = await probe(`${probeDash.url}/tv`);
    log(
      `dashboard up (pid ${probeDash.child.pid}); /api/v1/nodes answers ${size.nodesRouteStatus}, /api/v1/slos ${size.slosRouteStatus}, /tv ${size.tvStatus}`,
    );

    if (opts.only === "tv") {
      if (!skip.has("tv")) await runTvSoak(size, probeDash.url);
      await stop(probeDash.child);
      size.rules = await rulesSampler.stop();
      await stop(up.prometheus);
      await stop(up.exporter);
      upstream = undefined;
      rmSync(join(sizeDir, "tsdb"), { recursive: true, force: true });
      continue;
    }

    const run = new SizeRun({
      opts,
      session,
      up,
      size,
      sizeDir,
      root,
      dataSince: promStarted,
      rulesWindowSeconds: ruleFile.windowSeconds,
      launchDash: (mode) => launchDash(mode, sizeDir),
    });
    if (skip.has("viewers")) await stop(probeDash.child);
    else await run.viewers(probeDash);
    await run.rounds(!skip.has("rounds"));
    if (!skip.has("sparklines")) await run.sparklines();

    // 4. The browser, from N = 200 on: first-load JS once, at the first size that has it.
    const browser = services >= opts.browserMinServices && !skip.has("pages") ? await session.chromium() : undefined;
    const firstDash = run.dashboard(firstMode) as Dashboard;
    if (browser) {
      result.machine.chromium = browser.version();
      if (browserSizesDone === 0) {
        const pages = ["/", "/tv", `/services/${serviceName(0)}`, `/nodes/${encodeURIComponent(nodeInstance(0))}`];
        result.pagesJs.push(...(await pagesFirstLoadJs(browser, firstDash.url, pages, log)));
        run.used(firstMode);
      }
    }
    if (!skip.has("pages")) await run.watched(browser);
    if (!skip.has("idle")) await run.idle();
    if (browser) {
      await run.cold(browser);
      if (browserSizesDone === 0 && !skip.has("tv")) {
        const tvMode = opts.modes.includes("recorded") ? "recorded" : firstMode;
        await runTvSoak(size, (run.dashboard(tvMode) as Dashboard).url);
        run.used(tvMode);
      }
      browserSizesDone++;
    }
    await run.loadAndStop(!skip.has("wrk"));

    const rec = size.modes.recorded;
    if (rec && !JSON.stringify([rec.calls?.sources, rec.viewers.map((v) => v.sources)]).includes("recorded"))
      size.notes.push(
        "recorded mode: no answer said `source: recorded` (absent: the build has no reader yet; raw or mixed: the rules had not covered the range asked)",
      );
    size.rules = await rulesSampler.stop();
    for (const g of size.rules.groups)
      log(
        `rules ${g.group}: last_duration ${fmt(g.lastDurationMs, 1)} ms, ${g.samples ?? "n/a"} samples, ${g.iterations} evaluations, ${g.missed} missed, ${g.failures} failed${g.unhealthy.length ? `; NOT OK: ${g.unhealthy.join("; ")}` : ""}`,
      );
    await stop(up.prometheus);
    await stop(up.exporter);
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
  // A case run alone is not the full bench the README's figures come from: it keeps latest.json.
  const partial = opts.only === "sources";
  const file = `${stamp}${partial ? "-sources" : ""}.json`;
  writeFileSync(join(dir, file), json);
  if (!partial) writeFileSync(join(dir, "latest.json"), json);
  log(`wrote bench/results/${file}${partial ? "" : " and bench/results/latest.json"}`);
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
