// Someone watching the overview, and what that does and does not cost: a watcher polling the live
// current values, a second viewer's first request right after a slot begins while it watches
// (the warm live ticks), and the upstream queries once nobody has watched for a while (goal: none).
import { timedGet } from "./api";
import { countSource, type Mode, type Sources } from "./modes";
import { diff, type Counts, type QueryCounter } from "./query-counter";
import { startOfNextSlot } from "./row-timing";
import { sleep, SCRAPE_INTERVAL_SECONDS } from "./stack";
import { summarize, type Summary } from "./stats";

/** The overview's current values as the page asks them (lib/ui/query-keys.ts servicesUrl, the default range). */
export const LIVE_QUERY = "from=now-1h&to=now";

/**
 * Where in each slot the watcher polls: late enough that a load just after the slot's start is not
 * served from the watcher's own answer for that slot, so only the server's warm tick can have it ready.
 */
const WATCH_OFFSET_MS = 2500;

/** Polls `/api/v1/services?from=now-1h&to=now` once per scrape slot, WATCH_OFFSET_MS into it, until stopped. */
export class Watcher {
  private stopped = false;
  private readonly loop: Promise<void>;
  readonly latencies: number[] = [];
  readonly sources: Sources = {};
  failed = 0;

  constructor(dashboardUrl: string) {
    const periodMs = SCRAPE_INTERVAL_SECONDS * 1000;
    this.loop = (async () => {
      while (!this.stopped) {
        await sleep(periodMs - ((Date.now() - WATCH_OFFSET_MS) % periodMs));
        if (this.stopped) break;
        const r = await timedGet(`${dashboardUrl}/api/v1/services?${LIVE_QUERY}`);
        this.latencies.push(r.ms);
        if (r.status === 200) countSource(this.sources, r.body);
        else this.failed++;
      }
    })();
  }

  /** Stops polling; resolves once the last poll has been answered. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}

export interface FirstRequest {
  ms: number;
  status: number;
  source: string;
}

/**
 * `runs` times, just after a slot begins: the live current values as a second viewer's first
 * request, while the watcher polls. With warm ticks the server has begun that slot's answer already.
 */
export async function firstRequestsWhileWatched(dashboardUrl: string, runs: number): Promise<FirstRequest[]> {
  const out: FirstRequest[] = [];
  for (let i = 0; i < runs; i++) {
    await startOfNextSlot(SCRAPE_INTERVAL_SECONDS);
    const r = await timedGet(`${dashboardUrl}/api/v1/services?${LIVE_QUERY}`);
    const s: Sources = {};
    if (r.status === 200) countSource(s, r.body);
    out.push({ ms: r.ms, status: r.status, source: Object.keys(s)[0] ?? "failed" });
  }
  return out;
}

export interface WatchedResult {
  /** A second viewer's first request right after a slot began (200 answers only), ms. */
  firstRequest: Summary | null;
  firstRequests: FirstRequest[];
  watcherPolls: number;
  watcherFailed: number;
  watcherLatency: Summary | null;
  watcherSources: Sources;
}

export function watchedResult(w: Watcher, first: FirstRequest[]): WatchedResult {
  return {
    firstRequest: summarize(first.filter((r) => r.status === 200).map((r) => r.ms)),
    firstRequests: first,
    watcherPolls: w.latencies.length,
    watcherFailed: w.failed,
    watcherLatency: summarize(w.latencies),
    watcherSources: w.sources,
  };
}

export interface IdleResult {
  /** Seconds after the last request to the dashboard at which the counted window began. */
  quietBeforeSeconds: number;
  windowSeconds: number;
  /** Upstream activity from the end of watching to the window's start (the warm ticks running out). */
  settling: Counts | null;
  /** Upstream activity in the window: the goal is none. */
  idle: Counts;
}

/**
 * Nobody watching: once every dashboard has had no request for `quietMs`, counts each one's
 * upstream queries (its /metrics and the query log's API lines) over `windowSeconds`.
 * `atLastUse` is each dashboard's snapshot taken when its last viewer stopped, if any.
 */
export async function idleQueries(o: {
  counters: Partial<Record<Mode, QueryCounter>>;
  lastUsed: Partial<Record<Mode, number>>;
  atLastUse: Partial<Record<Mode, Counts>>;
  quietMs: number;
  windowSeconds: number;
}): Promise<Partial<Record<Mode, IdleResult>>> {
  const modes = Object.keys(o.counters) as Mode[];
  const quietUntil = Math.max(...modes.map((m) => (o.lastUsed[m] ?? 0) + o.quietMs));
  await sleep(Math.max(0, quietUntil - Date.now()));
  const started = Date.now();
  const before = await Promise.all(modes.map((m) => (o.counters[m] as QueryCounter).snapshot()));
  await sleep(o.windowSeconds * 1000);
  const after = await Promise.all(modes.map((m) => (o.counters[m] as QueryCounter).snapshot()));
  return Object.fromEntries(
    modes.map((m, i) => {
      const last = o.atLastUse[m];
      return [
        m,
        {
          quietBeforeSeconds: (started - (o.lastUsed[m] ?? 0)) / 1000,
          windowSeconds: o.windowSeconds,
          settling: last ? diff(last, before[i] as Counts) : null,
          idle: diff(before[i] as Counts, after[i] as Counts),
        },
      ];
    }),
  );
}
