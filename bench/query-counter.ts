// Counting upstream queries, two ways: the dashboard's own counters (its /metrics) and the lines of
// Prometheus's query log.
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";

export interface Counts {
  /** signalboard_upstream_queries_total, all endpoints and outcomes. */
  metrics: number;
  byEndpoint: Record<string, number>;
  /** signalboard_query_cache_requests_total by result. */
  cache: Record<string, number>;
  /**
   * API lines in Prometheus's query log (PromQL queries only: no label or metadata calls). The
   * recording rules' evaluations are logged too, with a `ruleGroup`: they are counted apart.
   */
  queryLog: number;
  /** Prometheus's own evaluation time of those API queries (query log `stats.timings.evalTotalTime`), seconds. */
  evalSeconds: number;
  /** The recording rules' lines in the query log and their evaluation time, seconds. */
  ruleLines: number;
  ruleEvalSeconds: number;
  /**
   * Instant queries (`path` /api/v1/query) logged since the previous snapshot of the same counter,
   * by query text. Only meaningful for consecutive snapshots; not kept in results.
   */
  instantQueries?: string[];
}

export function diff(a: Counts, b: Counts): Counts {
  const sub = (x: Record<string, number>, y: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const d = (y[k] ?? 0) - (x[k] ?? 0);
      if (d !== 0) out[k] = d;
    }
    return out;
  };
  return {
    metrics: b.metrics - a.metrics,
    byEndpoint: sub(a.byEndpoint, b.byEndpoint),
    cache: sub(a.cache, b.cache),
    queryLog: b.queryLog - a.queryLog,
    evalSeconds: b.evalSeconds - a.evalSeconds,
    ruleLines: b.ruleLines - a.ruleLines,
    ruleEvalSeconds: b.ruleEvalSeconds - a.ruleEvalSeconds,
  };
}

interface LogEntry {
  httpRequest?: { path?: string };
  ruleGroup?: unknown;
  params?: { query?: string };
  stats?: { timings?: { evalTotalTime?: number } };
}

/** Reads the dashboard's /metrics and counts new lines of the query log incrementally. */
export class QueryCounter {
  private offset = 0;
  private lines = 0;
  private evalSeconds = 0;
  private ruleLines = 0;
  private ruleEvalSeconds = 0;

  constructor(
    private readonly dashboardUrl: () => string,
    private readonly queryLog: string,
  ) {}

  private logLines(): { instant: string[] } {
    const instant: string[] = [];
    if (!existsSync(this.queryLog)) return { instant };
    const size = statSync(this.queryLog).size;
    if (size < this.offset) this.offset = 0; // rotated or recreated
    if (size === this.offset) return { instant };
    const fd = openSync(this.queryLog, "r");
    try {
      const buf = Buffer.alloc(size - this.offset);
      const n = readSync(fd, buf, 0, buf.length, this.offset);
      // Count only complete lines; a partly written one is counted next time.
      const last = buf.lastIndexOf(10, n - 1);
      if (last >= 0) {
        for (const line of buf.subarray(0, last).toString("utf8").split("\n")) {
          let entry: LogEntry = {};
          try {
            entry = JSON.parse(line) as LogEntry;
          } catch {
            // not JSON: counted as an API line, not parsed
          }
          const evalSeconds = entry.stats?.timings?.evalTotalTime ?? 0;
          if (entry.ruleGroup) {
            this.ruleLines++;
            this.ruleEvalSeconds += evalSeconds;
            continue;
          }
          this.lines++;
          this.evalSeconds += evalSeconds;
          if (entry.httpRequest?.path === "/api/v1/query" && entry.params?.query) instant.push(entry.params.query);
        }
        this.offset += last + 1;
      }
    } finally {
      closeSync(fd);
    }
    return { instant };
  }

  async snapshot(): Promise<Counts> {
    const res = await fetch(`${this.dashboardUrl()}/metrics`, { signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    const byEndpoint: Record<string, number> = {};
    const cache: Record<string, number> = {};
    let metrics = 0;
    for (const m of text.matchAll(/^signalboard_upstream_queries_total\{([^}]*)\} (\S+)$/gm)) {
      const endpoint = /endpoint="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? "?";
      const v = Number(m[2]);
      metrics += v;
      byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + v;
    }
    for (const m of text.matchAll(/^signalboard_query_cache_requests_total\{([^}]*)\} (\S+)$/gm)) {
      const result = /result="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? "?";
      cache[result] = (cache[result] ?? 0) + Number(m[2]);
    }
    const log = this.logLines();
    return {
      metrics,
      byEndpoint,
      cache,
      queryLog: this.lines,
      evalSeconds: this.evalSeconds,
      ruleLines: this.ruleLines,
      ruleEvalSeconds: this.ruleEvalSeconds,
      instantQueries: log.instant,
    };
  }
}
