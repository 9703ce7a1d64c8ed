import { existsSync, readFileSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portMap } from "../../demo/ports";
import { scratchDir, startExtraDashboard, startPrometheus, type ExtraDashboard } from "./extra";
import { waitFor } from "./helpers";
import { EXTRA_PORTS, INTEGRATION_BASE_PORT } from "./stack-info";

// Slots of 5 s (the alerts' cache bucket too), kept warm 10 s after the last viewer: a few slots of each.
const SLOT_SECONDS = 5;
const KEEP_WARM_SECONDS = 10;
const LIVE = "from=now-5m&to=now";

interface Logged {
  query: string;
  /** unix seconds: the instant Prometheus evaluated an instant query at. */
  time: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
/** Sleeps until `offsetSeconds` into the next slot (slots start at multiples of SLOT_SECONDS). */
async function untilNextSlot(offsetSeconds: number): Promise<number> {
  const next = (Math.floor(Date.now() / 1000 / SLOT_SECONDS) + 1) * SLOT_SECONDS;
  await sleep((next + offsetSeconds) * 1000 - Date.now());
  return next;
}

describe("warm live ticks (cache.keepWarmSeconds)", () => {
  let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
  let dashboard: ExtraDashboard;

  beforeAll(async () => {
    const dir = scratchDir("live-warm");
    // A Prometheus of its own: every query in its log was sent by this test's dashboard (or marked).
    prometheus = await startPrometheus({
      dir,
      port: EXTRA_PORTS.prometheus,
      scrapeIntervalSeconds: SLOT_SECONDS,
      job: "checkout",
    });
    prometheus.setTargets(
      portMap(INTEGRATION_BASE_PORT)
        .fleet.filter((i) => i.service === "checkout")
        .map((i) => i.address),
    );
    dashboard = await startExtraDashboard({
      dir,
      port: EXTRA_PORTS.dashboards[0] as number,
      prometheusUrl: prometheus.url,
      scrapeIntervalSeconds: SLOT_SECONDS,
      config: `cache:\n  keepWarmSeconds: ${KEEP_WARM_SECONDS}\n`,
    });
    // Until the services are found, a viewer's questions are not yet the overview's full set.
    await waitFor(
      "the services of the dashboard's own Prometheus",
      async () => ((await get(`/api/v1/services?${LIVE}`)) as { services: unknown[] }).services.length || undefined,
      30_000,
    );
  }, 90_000);
  afterAll(async () => {
    await dashboard?.stop();
    await prometheus?.stop();
  });

  async function get(path: string): Promise<unknown> {
    const res = await fetch(`${dashboard.url}${path}`);
    expect(res.status).toBe(200);
    return res.json();
  }

  /** The viewer of an overview: current values, nodes and alerts, live. */
  async function view(): Promise<number> {
    const [services] = await Promise.all([
      get(`/api/v1/services?${LIVE}`),
      get(`/api/v1/nodes?${LIVE}`),
      get(`/api/v1/alerts?${LIVE}`),
    ]);
    return (services as { at: number }).at;
  }

  const logEnd = () => (existsSync(prometheus.queryLog) ? statSync(prometheus.queryLog).size : 0);

  /**
   * The queries logged after `offset`, once Prometheus has logged a marker sent now: it logs a query
   * when it has finished, so only those that had finished by then are sure to be in.
   */
  async function loggedSince(offset: number): Promise<Logged[]> {
    const marker = `logmark-${randomBytes(6).toString("hex")}`;
    await fetch(`${prometheus.url}/api/v1/query`, {
      method: "POST",
      body: new URLSearchParams({ query: `absent(up{job="${marker}"})` }),
    });
    const read = () =>
      readFileSync(prometheus.queryLog)
        .subarray(offset)
        .toString("utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { params: { query: string; start: string } })
        .map((e) => ({ query: e.params.query, time: Date.parse(e.params.start) / 1000 }));
    await expect.poll(() => read().some((e) => e.query.includes(marker)), { timeout: 15_000 }).toBe(true);
    return read().filter((e) => !e.query.includes(marker));
  }

  /**
   * The sum of a metric's samples whose labels contain `labels`, from the dashboard's /metrics; a
   * series not yet written counts 0 only where `absentIsZero` (a labelled counter nothing has counted).
   */
  async function ourMetric(name: string, labels: string, absentIsZero = false): Promise<number> {
    const text = await (await fetch(`${dashboard.url}/metrics`)).text();
    const lines = text
      .split("\n")
      .filter((l) => (l.startsWith(`${name}{`) && l.includes(labels)) || (l.startsWith(`${name} `) && !labels));
    if (!absentIsZero) expect(lines.length, `${name}{${labels}} in /metrics`).toBeGreaterThan(0);
    return lines.reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
  }
  const warmSuccesses = () => ourMetric("signalboard_warm_runs_total", 'outcome="success"', true);

  const texts = (logged: Logged[]) => logged.map((e) => e.query).sort();
  /**
   * Without the once-a-minute question of whether the recording rules run: about the minute, not the
   * slot, it is refreshed in the background by whichever request (or warm tick) comes first in a new minute.
   */
  const slotQuestions = (logged: Logged[]) =>
    logged.filter((e) => !e.query.includes(":rules:evaluation_timestamp_seconds"));
  let lastAsked = 0;

  it("asks the viewer's queries again at the start of each following slot, before the viewer asks", async () => {
    // A whole slot for the viewer's request, well clear of its edges. The polls above asked the same
    // question, so part of it was warmed at the slot's start: together they are the slot's questions.
    const before = logEnd();
    const s0 = await untilNextSlot(0.5);
    expect(await view()).toBe(s0);
    const own = slotQuestions(await loggedSince(before)).filter((e) => e.time === s0);
    expect(own.length).toBeGreaterThan(0);

    // Nobody asks during the next slots: whatever is logged for them the dashboard asked by itself,
    // once for the slot, and exactly the questions the viewer had asked.
    for (let slots = 0; slots < 2; slots++) {
      const mark = logEnd();
      const alertsBefore = await ourMetric("signalboard_upstream_queries_total", 'endpoint="alerts"');
      const runsBefore = await warmSuccesses();
      const slot = await untilNextSlot(1.5);
      // Prometheus logs a query once it has finished: the log is complete once the three warms have.
      await expect.poll(warmSuccesses, { timeout: 15_000 }).toBe(runsBefore + 3);
      const warmed = slotQuestions(await loggedSince(mark));
      expect(warmed.every((e) => e.time === slot)).toBe(true);
      expect(texts(warmed)).toEqual(texts(own));
      expect(await ourMetric("signalboard_upstream_queries_total", 'endpoint="alerts"')).toBe(alertsBefore + 1);
    }

    // The viewer polls within that slot: answered from the cache, nothing new sent upstream.
    const mark = logEnd();
    const misses = await ourMetric("signalboard_query_cache_requests_total", 'result="miss"');
    const hits = await ourMetric("signalboard_query_cache_requests_total", 'result="hit"');
    const at = await view();
    lastAsked = Date.now();
    expect(at).toBe(Math.floor(Date.now() / 1000 / SLOT_SECONDS) * SLOT_SECONDS);
    expect(slotQuestions(await loggedSince(mark))).toEqual([]);
    expect(await ourMetric("signalboard_query_cache_requests_total", 'result="miss"')).toBe(misses);
    // Three questions kept warm (services, nodes, alerts), however often they were asked.
    expect(await ourMetric("signalboard_warm_shapes", "")).toBe(3);
    expect(await ourMetric("signalboard_query_cache_bytes", "")).toBeGreaterThan(0);
    expect(await ourMetric("signalboard_query_cache_requests_total", 'result="hit"')).toBeGreaterThanOrEqual(
      hits + own.length,
    );
  }, 60_000);

  it("sends no query at all once nobody has asked for keepWarmSeconds", async () => {
    expect(lastAsked).toBeGreaterThan(0);
    // The last warm is at the first slot more than keepWarmSeconds after the last request.
    await sleep(lastAsked + (KEEP_WARM_SECONDS + SLOT_SECONDS + 1) * 1000 - Date.now());
    const mark = logEnd();
    const sent = await ourMetric("signalboard_upstream_queries_total", "");
    await sleep(3 * SLOT_SECONDS * 1000);
    expect(await loggedSince(mark)).toEqual([]);
    expect(await ourMetric("signalboard_upstream_queries_total", "")).toBe(sent);
    expect(await ourMetric("signalboard_warm_shapes", "")).toBe(0);
  }, 60_000);
});
