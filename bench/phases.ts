// The phases of one fleet size, for both modes on the same Prometheus and data (run.ts runs them in
// order): viewers, cold/warm rounds, sparklines, watched page loads, no viewer, cold page loads, wrk.
import type { Browser } from "@playwright/test";
import { InstantSource, OVERVIEW_QUERY, promqlCount, timedGet } from "./api";
import { callsNotes, measureCalls } from "./calls";
import { runLoad } from "./load";
import { IDLE_MARGIN_SECONDS, KEEP_WARM_SECONDS, sourcesText, type Mode } from "./modes";
import type { BenchOptions } from "./options";
import { QueryCounter, type Counts } from "./query-counter";
import type { ModeResult, SizeResult } from "./result";
import { coldOverviewRows, overviewRows } from "./row-timing";
import type { BenchSession } from "./session";
import { measureSparklines } from "./sparklines";
import { SCRAPE_INTERVAL_SECONDS, sleep, stop, type Dashboard } from "./stack";
import { waitForPrometheusIdle, type Upstream } from "./upstream";
import { runViewers } from "./viewers";
import { firstRequestsWhileWatched, idleQueries, LIVE_QUERY, Watcher, watchedResult } from "./watch";

const QUIET_MS = (KEEP_WARM_SECONDS + IDLE_MARGIN_SECONDS) * 1000;

export class SizeRun {
  /** The dashboards kept from the rounds on, one per mode, with their counters and last request. */
  private readonly dashes: Partial<Record<Mode, Dashboard>> = {};
  private readonly counters: Partial<Record<Mode, QueryCounter>> = {};
  private readonly lastUsed: Record<Mode, number> = { raw: 0, recorded: 0 };
  private readonly atLastUse: Partial<Record<Mode, Counts>> = {};
  private readonly firstMode: Mode;

  constructor(
    private readonly o: {
      opts: BenchOptions;
      session: BenchSession;
      up: Upstream;
      size: SizeResult;
      sizeDir: string;
      root: string;
      /** When the size's Prometheus (and its rules) started, epoch ms. */
      dataSince: number;
      rulesWindowSeconds: number;
      launchDash: (mode: Mode) => Promise<Dashboard>;
    },
  ) {
    this.firstMode = o.opts.modes[0] as Mode;
  }

  private get log() {
    return this.o.session.log;
  }

  private mode(mode: Mode): ModeResult {
    return (this.o.size.modes[mode] ??= { mode, viewers: [] });
  }

  /** The dashboard a mode's later phases use (after rounds()). */
  dashboard(mode: Mode): Dashboard | undefined {
    return this.dashes[mode];
  }

  /** A page load by someone else on a mode's dashboard (first-load JS, the TV soak): it counts as watching. */
  used(mode: Mode): void {
    this.lastUsed[mode] = Date.now();
  }

  /**
   * 2. Viewers first, each phase on a freshly started dashboard (empty caches), so that the data
   * reaches far enough back for the cold rounds that follow; raw first, so that the rules have run
   * longer when the recorded phases begin. The next phase's dashboard starts as soon as this
   * phase's polls are done, so that it is ready at the next aligned start; after the last phase,
   * the first mode's dashboard for the rounds. `probe` (the dashboard that answered the route
   * probes) is stopped once the first phase's dashboard is up.
   */
  async viewers(probe: Dashboard): Promise<void> {
    const { opts, up } = this.o;
    const phases = opts.modes.flatMap((mode) => opts.viewers.map((viewers) => ({ mode, viewers })));
    let current = probe;
    let next: Promise<Dashboard> = this.o.launchDash(this.firstMode);
    void next.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    for (const [i, phase] of phases.entries()) {
      this.o.session.checkTime(`${phase.viewers} viewers (${phase.mode})`);
      const previous = current;
      current = await next;
      await stop(previous.child);
      const d = current;
      this.log(
        `${phase.mode}: ${phase.viewers} viewer(s) polling /api/v1/services?${OVERVIEW_QUERY} every ${SCRAPE_INTERVAL_SECONDS} s for ${opts.durationSeconds} s…`,
      );
      const v = await runViewers({
        dashboardUrl: d.url,
        prometheusUrl: up.url,
        counter: new QueryCounter(() => d.url, up.queryLog),
        viewers: phase.viewers,
        durationSeconds: opts.durationSeconds,
        afterPolls: () => {
          next = this.o.launchDash(phases[i + 1]?.mode ?? this.firstMode);
          void next.catch(() => undefined); // awaited by the next phase, as above
        },
      });
      this.mode(phase.mode).viewers.push(v);
      this.log(
        `  ${v.polls} polls (${v.failed} failed, ${v.stale} stale, ${v.skipped} slots skipped; started after ${(v.waitedMs / 1000).toFixed(1)} s alignment wait), upstream ${v.promql} PromQL + ${v.upstream.metrics - v.promql} metadata (our /metrics), ${v.upstream.queryLog} in the query log; sources ${sourcesText(v.sources)}; cache ${JSON.stringify(v.upstream.cache)}`,
      );
    }
    this.dashes[this.firstMode] = await next;
    await stop(current.child);
  }

  /**
   * 1 and 3. Cold and warm rounds, one mode after the other, each on a fresh dashboard (unless
   * viewers() left one) warmed with /api/health and /api/v1/status only (start-up, metric names):
   * any /api/v1/services call would leave a "last good" answer that the dashboard serves as stale
   * for every later instant. Both modes are asked the same instants, all after the rules have run
   * for a full window (earlier, a recorded answer would rightly be raw or mixed).
   */
  async rounds(measure: boolean): Promise<void> {
    const { opts, up, size } = this.o;
    const from = Date.now() / 1000;
    const since = this.o.dataSince / 1000;
    const earliest = Math.max(
      since + 4 * SCRAPE_INTERVAL_SECONDS + 10,
      since + this.o.rulesWindowSeconds + 3 * SCRAPE_INTERVAL_SECONDS,
    );
    for (const mode of opts.modes) {
      const d = (this.dashes[mode] ??= await this.o.launchDash(mode));
      const counter = new QueryCounter(() => d.url, up.queryLog);
      this.counters[mode] = counter;
      await timedGet(`${d.url}/api/health`);
      await timedGet(`${d.url}/api/v1/status`);
      if (measure) {
        this.o.session.checkTime(`cold/warm rounds (${mode})`);
        this.log(`${mode}: ${opts.runs} cold/warm rounds, each at an evaluation instant not asked before…`);
        const calls = await measureCalls({
          dashboardUrl: d.url,
          prometheusUrl: up.url,
          counter,
          instants: new InstantSource(from, earliest),
          runs: opts.runs,
          maxSeconds: opts.roundsSeconds,
          nodesRoute: size.nodesRouteStatus === 200,
          slosRoute: size.slosRouteStatus === 200,
          log: this.log,
        });
        this.mode(mode).calls = calls;
        size.notes.push(...callsNotes(calls, size.services).map((n) => `${mode}: ${n}`));
      }
      this.used(mode);
    }
  }

  private targets() {
    return this.o.opts.modes.map((mode) => ({
      key: mode,
      baseUrl: (this.dashes[mode] as Dashboard).url,
      counter: this.counters[mode] as QueryCounter,
    }));
  }

  /** 7. Sparklines, cold, before any page load asks them of these dashboards. */
  async sparklines(): Promise<void> {
    const { opts, up } = this.o;
    this.o.session.checkTime("sparklines");
    this.log(`sparklines (series=only): ${opts.sparklineRuns} cold calls per mode…`);
    const sp = await measureSparklines({
      targets: this.targets(),
      prometheusUrl: up.url,
      runs: opts.sparklineRuns,
      log: this.log,
    });
    for (const mode of opts.modes) {
      this.mode(mode).sparklines = sp[mode];
      this.used(mode);
    }
  }

  /**
   * 4. While someone watches (a watcher polls the live current values every slot): page loads
   * (with a browser) and the live current values right after a slot begins, per mode.
   */
  async watched(browser: Browser | undefined): Promise<void> {
    const { opts } = this.o;
    for (const mode of opts.modes) {
      this.o.session.checkTime(`watched (${mode})`);
      const d = this.dashes[mode] as Dashboard;
      const mr = this.mode(mode);
      this.log(
        `${mode}: a watcher polls /api/v1/services?${LIVE_QUERY} every slot; a second viewer arrives as a slot begins…`,
      );
      const watcher = new Watcher(d.url);
      // The first load (not counted) loads the page's server code and gives the watcher two slots.
      const slot = { slotSeconds: SCRAPE_INTERVAL_SECONDS };
      if (browser) {
        await overviewRows(browser, d.url, 1, () => undefined, slot);
        mr.rowsWatched = await overviewRows(browser, d.url, opts.pageRuns, (s) => this.log(`${mode}: ${s}`), slot);
      } else await sleep(2 * SCRAPE_INTERVAL_SECONDS * 1000);
      const first = await firstRequestsWhileWatched(d.url, Math.max(3, opts.pageRuns));
      await watcher.stop();
      this.used(mode);
      this.atLastUse[mode] = await (this.counters[mode] as QueryCounter).snapshot();
      mr.watched = watchedResult(watcher, first);
      this.log(
        `  live /services right after a slot began: ${first.map((f) => `${f.ms.toFixed(0)} ms ${f.source}`).join(", ")}; watcher ${watcher.latencies.length} polls (${watcher.failed} failed)`,
      );
    }
  }

  /** 8. Nobody watching: after the keep-warm time, no upstream query at all. */
  async idle(): Promise<void> {
    const { opts } = this.o;
    this.o.session.checkTime("idle");
    this.log(
      `no viewer: waiting ${QUIET_MS / 1000} s past each dashboard's last request, then counting upstream queries for ${opts.idleSeconds} s…`,
    );
    const idle = await idleQueries({
      counters: this.counters,
      lastUsed: this.lastUsed,
      atLastUse: this.atLastUse,
      quietMs: QUIET_MS,
      windowSeconds: opts.idleSeconds,
    });
    for (const mode of opts.modes) {
      const i = idle[mode];
      if (!i) continue;
      this.mode(mode).idle = i;
      this.log(`  ${mode}: ${promqlCount(i.idle)} PromQL (query log ${i.idle.queryLog}) in ${i.windowSeconds} s`);
    }
  }

  /**
   * 4. Cold page loads: each the first viewer of its dashboard after a quiet spell longer than the
   * keep-warm time, the modes in turn (one waits out its quiet spell while the other loads).
   */
  async cold(browser: Browser): Promise<void> {
    const { opts, size } = this.o;
    this.o.session.checkTime("the browser");
    this.log(`overview in Chromium ${browser.version()}: ${opts.pageRuns} cold page loads per mode…`);
    const cold = await coldOverviewRows(browser, this.targets(), this.lastUsed, opts.pageRuns, this.log, {
      slotSeconds: SCRAPE_INTERVAL_SECONDS,
      idleMs: QUIET_MS,
    });
    for (const mode of opts.modes) {
      const rows = cold[mode];
      this.mode(mode).rowsCold = rows;
      if (rows.note) size.notes.push(`${mode}: overview rows: ${rows.note}`);
    }
  }

  /** 5. Load on each mode's dashboard in turn (wrk unless `measure` is false), each stopped after it. */
  async loadAndStop(measure: boolean): Promise<void> {
    const { opts, up } = this.o;
    for (const mode of opts.modes) {
      const d = this.dashes[mode];
      if (!d) continue;
      if (measure) {
        this.o.session.checkTime(`wrk (${mode})`);
        await waitForPrometheusIdle(up.url);
        this.log(`${mode}: wrk, ${opts.connections} connections for ${opts.durationSeconds} s on /api/v1/services…`);
        const load = await runLoad({
          url: `${d.url}/api/v1/services`,
          connections: opts.connections,
          durationSeconds: opts.durationSeconds,
          pid: d.child.pid,
          logDir: this.o.sizeDir,
          root: this.o.root,
          log: this.log,
        });
        this.mode(mode).load = load;
        this.log(
          `  ${load.requestsPerSecond.toFixed(0)} req/s, p95 ${load.latencyMs.p95.toFixed(1)} ms, non-2xx ${load.non2xx}, RSS ${JSON.stringify(load.rssMiB)}`,
        );
      }
      await stop(d.child);
      this.dashes[mode] = undefined;
    }
  }
}
