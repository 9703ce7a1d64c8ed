import "server-only";
import { getConfig } from "@/lib/config";
import { type Config, type Source } from "@/lib/config/schema";
import { SINGLE_SOURCE } from "@/lib/identity/service-identity";
import { getMetrics, type Metrics } from "@/lib/metrics/registry";
import { chargeUpstream } from "@/lib/server/client-budget";
import { processSingleton } from "@/lib/server/singleton";
import type { QueryRange } from "@/lib/time/range";
import { answerBytes } from "./answer-size";
import type { PrometheusClient } from "./client";
import { CoalescingCache, type CacheRequest, type Cached } from "./coalescing-cache";
import { isTimeoutReason, UpstreamError } from "./errors";
import { Limiter } from "./limiter";
import { selectorMatch, withSourceSelector, type SourceSelector } from "@/lib/promql/source-selector";
import { sampleValue, toPoint } from "./samples";
import { configuredClient } from "./transport";
import type { Answer, BuildInfo, Labels, QueryResult, UpstreamAlert, UpstreamRuleGroup } from "./types";

export interface InstantSeries {
  labels: Labels;
  value: number | null;
}
export interface RangeSeries {
  labels: Labels;
  points: [number, number | null][];
}
export interface Result<T> {
  data: T;
  warnings: string[];
}

/** The upstream as the rest of the server sees it: cached, coalesced, bounded, stale-tolerant. */
export interface Upstream {
  /**
   * `revalidateInBackground`: for a slow-changing question, the last answer (of any earlier instant)
   * is given at once while this instant's is asked; its `ageSeconds` says how old it is.
   */
  instant(
    query: string,
    at: number,
    ttlMs: number,
    opts?: { revalidateInBackground?: boolean },
  ): Promise<Cached<Result<InstantSeries[]>>>;
  range(query: string, range: QueryRange): Promise<Cached<Result<RangeSeries[]>>>;
  metricNames(): Promise<Cached<Result<string[]>>>;
  alerts(): Promise<Cached<Result<UpstreamAlert[]>>>;
  rules(): Promise<Cached<Result<UpstreamRuleGroup[]>>>;
  buildInfo(): Promise<Cached<Result<BuildInfo>>>;
}

/** What a readiness probe asks of the upstream, beside the questions of the pages. */
export interface UpstreamProbe {
  /**
   * A trivial query, asked at most once per PING_TTL_MS however many call (shared and cached):
   * for a readiness probe when nothing else has asked the upstream lately.
   */
  ping(): Promise<unknown>;
  /** When the upstream last answered, and the last time it did not. */
  contact(): UpstreamContact;
}

export interface UpstreamContact {
  /** ms since the epoch; null before the first answer. */
  lastAnswerAt: number | null;
  lastFailure: { at: number; message: string } | null;
}

export interface UpstreamOptions {
  /**
   * Asked before each upstream request with its cost (one query; a range query one more per whole
   * day it spans); may throw to refuse it. Requests answered from the cache are not asked about.
   */
  admit?: (cost: number) => void;
  /** The source's name, for the metrics' `source` label (default "default"). */
  source?: string;
  /** Matchers added to every query, series match and alert of this upstream (see withSourceSelector). */
  selector?: SourceSelector;
  /** Share of cache.maxMegabytes this upstream's cache may hold (several sources split it); default 1. */
  cacheShare?: number;
}

// Metadata changes slowly; one fetch a minute is plenty and keeps discovery cheap.
const METADATA_TTL_MS = 60_000;
const ALERTS_TTL_MS = 5_000;
export const PING_TTL_MS = 10_000;
const DAY_SECONDS = 86_400;

/**
 * What a range query costs in the rate limit: one, and one more per whole day it spans. With rate
 * windows as long as the step (ours are), Prometheus reads every sample of the range whatever the
 * step, so the work grows with the span: a 30-day burndown costs 31, an hour's chart 1.
 */
export function rangeCost(r: QueryRange): number {
  return 1 + Math.floor((r.end - r.start) / DAY_SECONDS);
}

/** Errors that say the upstream answered, about the query: it is there. */
const ANSWERED = new Set(["bad_data", "execution"]);

/**
 * The metric-name list decides which conventions are in use. An empty list is what a Prometheus
 * that has not scraped yet answers: kept for the metadata TTL, it blanked a healthy board for a
 * minute after start. So an empty list or a failure is never kept, and the next request asks again.
 */
const METRIC_NAMES_POLICY = {
  revalidateInBackground: true,
  keep: (r: Result<unknown>) => Array.isArray(r.data) && r.data.length > 0,
  failureTtlMs: 0,
};

/** An instant this far in the past has all its samples: its answers no longer change. */
const SETTLED_AFTER_MS = 5 * 60_000;
const SETTLED_TTL_MS = 10 * 60_000;

/**
 * How long an instant query's answer is kept: `liveTtlMs` (about one scrape) near now, longer for
 * a settled past instant, so that everyone opening the same alert link shares one set of queries.
 */
export function instantTtlMs(atSeconds: number, nowMs: number, liveTtlMs: number): number {
  return isSettled(atSeconds, nowMs) ? Math.max(liveTtlMs, SETTLED_TTL_MS) : liveTtlMs;
}

function isSettled(atSeconds: number, nowMs: number): boolean {
  return nowMs - atSeconds * 1000 >= SETTLED_AFTER_MS;
}

/**
 * The slot of the last good answer that may stand in, marked stale, when the upstream fails. Near
 * now it is the question without its time (`untimed`): the previous poll's answer. About a settled
 * past instant only an answer about that same time (`timed`) may: another moment's data shown for
 * an incident's time would be wrong, not merely old.
 */
export function staleSlot(timed: string, untimed: string, atSeconds: number, nowMs: number): string {
  return isSettled(atSeconds, nowMs) ? timed : untimed;
}

/** Creates an Upstream over a client; exported for tests, the app uses getUpstreams(). */
export function createUpstream(
  client: PrometheusClient,
  cfg: Config,
  metrics: Metrics,
  options: UpstreamOptions = {},
): Upstream & UpstreamProbe {
  const source = options.source ?? SINGLE_SOURCE;
  const selector = options.selector;
  const cache = new CoalescingCache<Result<unknown>>({
    maxBytes: cfg.cache.maxMegabytes * 1024 * 1024 * (options.cacheShare ?? 1),
    sizeOf: answerBytes,
    onBytes: (bytes) => metrics.cacheBytes.set({ source }, bytes),
  });
  // The one place a source's selector enters its queries: every question below goes through it.
  const scoped = (query: string) => withSourceSelector(query, selector);
  const limiter = new Limiter(cfg.prometheus.maxConcurrency);
  const timeoutMs = cfg.prometheus.timeoutSeconds * 1000;
  const maxSeries = cfg.limits.maxSeries;
  const contact: UpstreamContact = { lastAnswerAt: null, lastFailure: null };

  async function ask<T>(
    endpoint: string,
    key: string,
    staleKey: string,
    ttlMs: number,
    fetch: (deadline: AbortSignal) => Promise<Result<T>>,
    policy: Pick<CacheRequest<Result<unknown>>, "revalidateInBackground" | "keep" | "failureTtlMs"> = {},
    cost = 1,
  ): Promise<Cached<Result<T>>> {
    const answer = await cache.get({
      key: `${endpoint}|${key}`,
      staleKey: `${endpoint}|${staleKey}`,
      ttlMs,
      ...policy,
      admit: options.admit && (() => options.admit?.(cost)),
      mayServeStale: (e) => e instanceof UpstreamError && e.transient,
      fetch: () => {
        // One budget from the moment we need the answer: time queued behind other queries counts.
        const deadline = AbortSignal.timeout(timeoutMs);
        return limiter
          .run(() => timed(endpoint, () => fetch(deadline)), deadline)
          .catch((e: unknown) => {
            throw isTimeoutReason(e)
              ? new UpstreamError(
                  "timeout",
                  `no free upstream slot within ${timeoutMs / 1000} s: ${cfg.prometheus.maxConcurrency} queries were running`,
                )
              : e;
          });
      },
    });
    metrics.cacheRequests.inc({ result: answer.outcome });
    return answer as Cached<Result<T>>;
  }

  async function timed<T>(endpoint: string, fetch: () => Promise<T>): Promise<T> {
    const stop = metrics.upstreamDuration.startTimer({ endpoint });
    try {
      const value = await fetch();
      metrics.upstreamQueries.inc({ source, endpoint, outcome: "success" });
      contact.lastAnswerAt = Date.now();
      return value;
    } catch (e) {
      const kind = e instanceof UpstreamError ? e.kind : "error";
      metrics.upstreamQueries.inc({ source, endpoint, outcome: kind });
      if (ANSWERED.has(kind)) contact.lastAnswerAt = Date.now();
      else if (kind !== "canceled") contact.lastFailure = { at: Date.now(), message: (e as Error).message };
      throw e;
    } finally {
      stop();
    }
  }

  function capped<T>(items: T[], warnings: string[]): Result<T[]> {
    if (items.length <= maxSeries) return { data: items, warnings };
    return {
      data: items.slice(0, maxSeries),
      warnings: [...warnings, `only the first ${maxSeries} of ${items.length} series are shown`],
    };
  }

  const bucket = (ms: number) => String(Math.floor(Date.now() / ms));
  // While Prometheus makes its first scrapes the name list grows from one answer to the next (its own
  // metrics first, a slow target's later): ask again after a scrape until two answers agree, then
  // once a minute. Comparing the counts is enough to tell a list still filling in.
  const scrapeMs = cfg.prometheus.scrapeIntervalSeconds * 1000;
  const names = { settled: false, count: -1 };
  // Alerts are kept for a scrape slot (at least 5 s), on the slots' boundaries: the answer warmed at
  // a slot's start (lib/api/live-warmer.ts) serves every poll in that slot, like the current values.
  const alertsMs = Math.max(ALERTS_TTL_MS, scrapeMs);

  return {
    instant: (query, at, ttlMs, opts) => {
      const key = `${query}|${at}`;
      const now = Date.now();
      return ask(
        "query",
        key,
        staleSlot(key, query, at, now),
        instantTtlMs(at, now, ttlMs),
        async (deadline) => {
          const a = await client.query(scoped(query), at, deadline);
          return capped(vectorOf(a), a.warnings);
        },
        opts?.revalidateInBackground ? { revalidateInBackground: true } : {},
      );
    },
    range: (query, r) => {
      const key = `${query}|${r.start}|${r.end}|${r.step}`;
      return ask(
        "query_range",
        key,
        staleSlot(key, `${query}|${r.end - r.start}|${r.step}`, r.end, Date.now()),
        r.step * 1000,
        async (deadline) => {
          const a = await client.queryRange(scoped(query), r.start, r.end, r.step, deadline);
          return capped(matrixOf(a), a.warnings);
        },
        {},
        rangeCost(r),
      );
    },
    metricNames: () =>
      ask(
        "label_values",
        "names",
        "names",
        names.settled ? METADATA_TTL_MS : scrapeMs,
        async (deadline) => {
          const a = await client.labelValues("__name__", deadline, selector && [selectorMatch(selector)]);
          names.settled = a.data.length === names.count;
          names.count = a.data.length;
          return a;
        },
        METRIC_NAMES_POLICY,
      ),
    alerts: () =>
      ask("alerts", bucket(alertsMs), "alerts", alertsMs, async (deadline) => {
        const a = await client.alerts(deadline);
        const all = a.data.alerts ?? [];
        // Alerts are not queried: the selector picks them by their labels.
        const mine = selector ? all.filter((x) => Object.entries(selector).every(([k, v]) => x.labels[k] === v)) : all;
        return { data: mine, warnings: a.warnings };
      }),
    rules: () =>
      ask("rules", bucket(METADATA_TTL_MS), "rules", METADATA_TTL_MS, async (deadline) => {
        const a = await client.rules(deadline);
        return { data: a.data.groups ?? [], warnings: a.warnings };
      }),
    buildInfo: () =>
      ask("buildinfo", bucket(METADATA_TTL_MS), "buildinfo", METADATA_TTL_MS, (deadline) => client.buildInfo(deadline)),
    // Every Prometheus-API server answers a query; not every one serves buildinfo.
    ping: () =>
      ask(
        "ping",
        "1",
        "1",
        PING_TTL_MS,
        async (deadline) => ({ data: null, warnings: (await client.query("1", Date.now() / 1000, deadline)).warnings }),
        { failureTtlMs: PING_TTL_MS },
      ),
    contact: () => ({ ...contact }),
  };
}

function vectorOf(a: Answer<QueryResult>): InstantSeries[] {
  if (a.data.resultType === "vector")
    return a.data.result.map((s) => ({ labels: s.metric, value: sampleValue(s.value[1]) }));
  if (a.data.resultType === "scalar") return [{ labels: {}, value: sampleValue(a.data.result[1]) }];
  throw new UpstreamError("execution", `expected a vector, got a ${a.data.resultType}`);
}

function matrixOf(a: Answer<QueryResult>): RangeSeries[] {
  if (a.data.resultType !== "matrix")
    throw new UpstreamError("execution", `expected a matrix, got a ${a.data.resultType}`);
  return a.data.result.map((s) => ({ labels: s.metric, points: s.values.map(toPoint) }));
}

/** One configured source, its Upstream, and the configuration as seen from it (`prometheus` is the source's block). */
export interface SourceUpstream {
  source: Source;
  upstream: Upstream & UpstreamProbe;
  cfg: Config;
}

/**
 * The process's Upstreams, one per configured source in the configuration's order, each with its
 * own client, cache, coalescing, stale copies and concurrency limit; the readiness probe asks them too.
 */
export function getUpstreams(): readonly SourceUpstream[] {
  return processSingleton("upstreams", () => {
    const cfg = getConfig();
    return cfg.sources.map((source) => {
      const seen: Config = { ...cfg, prometheus: source };
      const upstream = createUpstream(configuredClient(source), seen, getMetrics(), {
        admit: chargeUpstream,
        source: source.name,
        selector: source.selector,
        cacheShare: 1 / cfg.sources.length,
      });
      return { source, upstream, cfg: seen };
    });
  });
}
