// The bench's side of the JSON API and of Prometheus's: timed calls, the overview's queries as the
// catalogue builds them, direct batches to Prometheus, and evaluation instants nobody asked yet.
// The measurements built on them: calls.ts (per call, cold and warm) and viewers.ts (many viewers).
import type { ServicesResponse } from "@/lib/model/types";
import { settledWithin } from "@/lib/async/settled-within";
import {
  failedRequestRateByService,
  latencyBucketsByService,
  requestRateByService,
  servicesSeen,
} from "@/lib/promql/red";
import { bucketBoundaries } from "@/lib/promql/slo";
import { targetsUpByJob } from "@/lib/promql/targets";
import { PRESETS } from "@/lib/signals/conventions";
import type { Counts } from "./query-counter";
import { sleep, SCRAPE_INTERVAL_SECONDS } from "./stack";

export const OVERVIEW_QUERY = "from=now-1h&to=now&series=true&width=120";

export interface Timed {
  status: number;
  ms: number;
  body: string;
}

/**
 * How long past its own timeout a request may stay unsettled before the bench stops waiting: in one
 * run at N = 2,000 a poll neither answered nor failed after its abort, its socket already closed, and
 * the 50-viewer phase waited for it forever.
 */
const UNSETTLED_SLACK_MS = 5_000;

export async function timedGet(url: string, timeoutMs = 30_000): Promise<Timed> {
  const started = performance.now();
  const attempt = (async (): Promise<Timed> => {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: "application/json" } });
      const body = await res.text();
      return { status: res.status, ms: performance.now() - started, body };
    } catch (e) {
      return { status: 0, ms: performance.now() - started, body: String(e) };
    }
  })();
  const giveUpMs = timeoutMs + UNSETTLED_SLACK_MS;
  return (
    (await settledWithin(attempt, giveUpMs)) ?? {
      status: 0,
      ms: performance.now() - started,
      body: `neither answered nor failed within ${giveUpMs} ms`,
    }
  );
}

/** The HTTP status a route answers now (0 when it does not answer at all). */
export async function probe(url: string): Promise<number> {
  return (await timedGet(url, 60_000)).status;
}

/** PromQL queries = the `query` and `query_range` endpoints; the rest is metadata (label values…). */
export const promqlCount = (c: Counts) => (c.byEndpoint.query ?? 0) + (c.byEndpoint.query_range ?? 0);

/**
 * The queries servicesOverview sent for current values when this bench was written, built by the
 * same catalogue functions from the conventions the dashboard reported in use. The direct batches
 * replay what the dashboard actually sent (from the query log); this list is the fallback and a
 * cross-check that the bench still matches the code (CallsResult.catalogueCheck).
 */
export function overviewQueries(conventionNames: readonly string[], window: number): string[] {
  const conventions = presetsInUse(conventionNames);
  const scope = { window };
  // discovery.ts: min(SEEN_LOOKBACK_SECONDS = 6 h, max(window, to − from)); the rounds use the default 1 h range.
  const seenLookback = Math.min(6 * 3600, Math.max(window, 3600));
  return [
    servicesSeen(conventions, seenLookback),
    requestRateByService(conventions, scope),
    failedRequestRateByService(conventions, scope),
    latencyBucketsByService(conventions, scope, "success"),
    latencyBucketsByService(conventions, scope, "failure"),
    targetsUpByJob(),
  ];
}

/** The presets the dashboard reported in use (the first preset when it reported none). */
function presetsInUse(conventionNames: readonly string[]) {
  const inUse = PRESETS.filter((p) => conventionNames.includes(p.name));
  return inUse.length ? inUse : [PRESETS[0]!];
}

/**
 * The SLOs' bucket-boundaries question (lib/signals/slos.ts fetchBucketBoundaries): asked about
 * "now" aligned to 5 minutes, not about `at`, and cached; a dashboard asks it on its first SLO
 * request and then once per 5 minutes, in the background.
 */
export const boundariesQuery = (conventionNames: readonly string[]) => bucketBoundaries(presetsInUse(conventionNames));

/** A direct batch gets this long (Prometheus's own default query timeout is 2 min). */
const DIRECT_TIMEOUT_MS = 90_000;

/** Sends the queries to Prometheus at once, as the dashboard does; the batch's wall time in ms. */
export async function directBatch(
  prometheusUrl: string,
  queries: readonly string[],
  at: number,
): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const answers = await Promise.all(
    queries
      .map(async (query) => {
        const res = await fetch(`${prometheusUrl}/api/v1/query`, {
          method: "POST",
          body: new URLSearchParams({ query, time: String(at) }),
          headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
          signal: AbortSignal.timeout(DIRECT_TIMEOUT_MS),
        });
        const body = (await res.json()) as { status?: string };
        return res.ok && body.status === "success";
      })
      .map((p) => p.catch(() => false)),
  );
  return { ms: performance.now() - started, ok: answers.every(Boolean) };
}

const align = (t: number) => Math.floor(t / SCRAPE_INTERVAL_SECONDS) * SCRAPE_INTERVAL_SECONDS;

/**
 * Evaluation instants nobody has asked this dashboard process about yet. The dashboard aligns
 * `at` down to the scrape interval, so only aligned values are distinct cache keys. First the
 * aligned instants going back from now, as long as a full rate window of data lies before them
 * (`earliest`); then, once those are used up, each new aligned instant as time passes.
 */
export class InstantSource {
  private back: number;
  private forward: number;

  constructor(
    now: number,
    private readonly earliest: number,
  ) {
    this.forward = align(now);
    this.back = this.forward - SCRAPE_INTERVAL_SECONDS;
  }

  async take(): Promise<number> {
    if (this.back >= this.earliest) {
      const at = this.back;
      this.back -= SCRAPE_INTERVAL_SECONDS;
      return at;
    }
    // Bounded: at most two intervals of waiting.
    for (let i = 0; i < 4 * SCRAPE_INTERVAL_SECONDS; i++) {
      const at = align(Date.now() / 1000);
      if (at >= this.forward) {
        this.forward = at + SCRAPE_INTERVAL_SECONDS;
        return at;
      }
      await sleep(Math.max(20, Math.min(1000, this.forward * 1000 - Date.now() + 20)));
    }
    throw new Error("no fresh evaluation instant within 20 s");
  }
}

/** What a call to /api/v1/services answered, in words ("200 stale", "504 upstream_timeout"), and its body when it parsed. */
export function outcomeOf(r: Timed): { outcome: string; parsed?: ServicesResponse } {
  if (r.status === 0) return { outcome: `no answer (${r.body.slice(0, 80)})` };
  try {
    const parsed = JSON.parse(r.body) as ServicesResponse & { error?: { code?: string } };
    if (r.status !== 200) return { outcome: `${r.status} ${parsed.error?.code ?? ""}`.trim() };
    return { outcome: parsed.stale ? "200 stale" : "200", parsed };
  } catch {
    return { outcome: `${r.status} (not JSON)` };
  }
}
