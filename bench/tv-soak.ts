// The TV soak: /tv driven through thousands of refresh cycles on a fake clock, its heap and DOM
// sampled on the way, to tell whether the wall screen's memory levels off.
import type { Browser } from "@playwright/test";
import { heapGrowth, type HeapAggregate, type HeapBreakdown, type HeapGrowth } from "./heap";
import { heapSample, heapSnapshot, type HeapSample } from "./page-memory";

export interface TvSoakSnapshots {
  start: HeapBreakdown;
  /** At the middle sample; null when the soak stopped before it. */
  middle: HeapBreakdown | null;
  end: HeapBreakdown;
  /** The groups (V8 node type and constructor or internal name) that grew most, start to end… */
  grew: HeapGrowth[];
  /** …and middle to end: what still grows once the page has warmed up. */
  grewSecondHalf: HeapGrowth[] | null;
}

export interface TvSoakResult {
  url: string;
  cycles: number;
  requestedCycles: number;
  /** Refresh cycles run before the start sample. */
  warmupCycles: number;
  /**
   * Samples during the warm-up, every `sampleEvery` cycles, the first after the page's first
   * `FIRST_REFRESHES` cycles: growth from it to the end includes V8 compiling the refresh path.
   * Absent in results written before it was added (their warm-up was those first cycles alone).
   */
  warmup?: HeapSample[];
  /** A sample every this many cycles after the start sample, and one at the end. */
  sampleEvery: number;
  apiRequests: number;
  failedRequests: number;
  seconds: number;
  /** After `warmupCycles` refresh cycles (cycle 0). */
  start: HeapSample;
  end: HeapSample;
  /** The sample with the most heap, and the one with the most DOM nodes. */
  peakHeap: HeapSample;
  peakDom: HeapSample;
  /**
   * The sample at half the requested cycles (half those run, if it stopped early): growth from it to
   * the end tells whether the heap has levelled off.
   */
  middle: HeapSample;
  /** Every sample, start and end included, in order. */
  samples: HeapSample[];
  /** Heap snapshots taken right after the start, middle and end samples; an error message when one failed. */
  snapshots: TvSoakSnapshots | { error: string };
  stoppedEarly?: string;
}

/** Refresh cycles after which the TV has had its data and rendered every panel: the first warm-up sample. */
const FIRST_REFRESHES = 5;

/**
 * Opens /tv at the server's minimum refresh and drives `warmupCycles` and then `cycles` refresh
 * cycles without waiting for them in real time: Playwright's fake clock jumps the page's timers by
 * one refresh interval, then the bench waits until the API requests that started have finished.
 * Heap (after forced GCs) and DOM nodes are sampled every `sampleEvery` cycles from the page's first
 * `FIRST_REFRESHES` cycles on; the start sample (cycle 0) ends the warm-up, and the goal is growth
 * from it to the end sample. The warm-up is there because V8 keeps compiling the code a refresh runs
 * into larger machine code for its first thousand or so cycles (bench/README.md, "TV soak
 * follow-up"): a one-off cost, not growth over time; the growth from the first sample is reported
 * too. Heap snapshots after the start, middle and end samples say what kind of memory any growth is.
 */
export async function tvSoak(
  browser: Browser,
  o: {
    baseUrl: string;
    refreshSeconds: number;
    warmupCycles: number;
    cycles: number;
    sampleEvery: number;
    maxSeconds: number;
    log: (s: string) => void;
  },
): Promise<TvSoakResult> {
  const url = `${o.baseUrl}/tv?refresh=${o.refreshSeconds}s`;
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const started = Date.now();
  try {
    const page = await context.newPage();
    let inFlight = 0;
    let startedRequests = 0;
    let failedRequests = 0;
    const isApi = (u: string) => new URL(u).pathname.startsWith("/api/");
    page.on("request", (r) => {
      if (!isApi(r.url())) return;
      inFlight++;
      startedRequests++;
    });
    page.on("requestfinished", (r) => {
      if (isApi(r.url())) inFlight--;
    });
    page.on("requestfailed", (r) => {
      if (!isApi(r.url())) return;
      inFlight--;
      failedRequests++;
    });
    await page.clock.install();
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");

    // Node-side sleeps: the page's own timers run on the fake clock.
    const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
    const settle = async (before: number) => {
      const startBy = Date.now() + 2000;
      while (startedRequests === before && Date.now() < startBy) await pause(5);
      const doneBy = Date.now() + 15_000;
      while (inFlight > 0 && Date.now() < doneBy) await pause(5);
    };
    const cycle = async () => {
      const before = startedRequests;
      await page.clock.runFor(o.refreshSeconds * 1000);
      await settle(before);
    };
    const deadline = started + o.maxSeconds * 1000;
    let stoppedEarly: string | undefined;
    const timeIsUp = () => {
      if (Date.now() <= deadline) return false;
      stoppedEarly = `time limit of ${o.maxSeconds} s reached`;
      return true;
    };
    let apiAtStart = startedRequests;
    const at = (cycle: number) => ({
      cycle,
      seconds: (Date.now() - started) / 1000,
      apiRequests: startedRequests - apiAtStart,
    });
    const warmup: HeapSample[] = [];
    let run = 0;
    for (; run < Math.min(FIRST_REFRESHES, o.warmupCycles); run++) await cycle();
    if (run < o.warmupCycles) {
      warmup.push(await heapSample(page, cdp, at(run - o.warmupCycles)));
      o.log(
        `  tv soak: warm-up, ${run}/${o.warmupCycles} cycles: heap ${(warmup[0] as HeapSample).jsHeapUsedMiB.toFixed(2)} MiB`,
      );
    }
    while (run < o.warmupCycles && !timeIsUp()) {
      await cycle();
      run++;
      if (run % o.sampleEvery === 0 && run < o.warmupCycles)
        warmup.push(await heapSample(page, cdp, at(run - o.warmupCycles)));
    }
    apiAtStart = startedRequests;
    const start = await heapSample(page, cdp, at(0));
    const samples = [start];
    // A heap snapshot, or why it failed.
    const snapshot = async (): Promise<HeapAggregate | string> => {
      try {
        return await heapSnapshot(cdp);
      } catch (e) {
        return `heap snapshot failed: ${(e as Error).message}`;
      }
    };
    const startSnapshot = await snapshot();
    const middleCycle = Math.round(o.cycles / 2 / o.sampleEvery) * o.sampleEvery;
    let middleSnapshot: HeapAggregate | string | null = null;
    o.log(
      `  tv soak: start sample after ${run} warm-up cycles: heap ${start.jsHeapUsedMiB.toFixed(2)} MiB, ${start.domNodes} DOM nodes`,
    );
    let cycles = 0;
    while (cycles < o.cycles && !timeIsUp()) {
      await cycle();
      cycles++;
      if (cycles % o.sampleEvery === 0 && cycles < o.cycles) {
        const s = await heapSample(page, cdp, at(cycles));
        samples.push(s);
        if (cycles === middleCycle) middleSnapshot = await snapshot();
        o.log(
          `  tv soak: ${cycles}/${o.cycles} cycles, ${s.apiRequests} API requests, heap ${s.jsHeapUsedMiB.toFixed(2)} MiB, ${s.domNodes} DOM nodes`,
        );
      }
    }
    const end = await heapSample(page, cdp, at(cycles));
    samples.push(end);
    const endSnapshot = await snapshot();
    let snapshots: TvSoakSnapshots | { error: string };
    if (typeof startSnapshot === "string") snapshots = { error: startSnapshot };
    else if (typeof middleSnapshot === "string") snapshots = { error: middleSnapshot };
    else if (typeof endSnapshot === "string") snapshots = { error: endSnapshot };
    else {
      snapshots = {
        start: startSnapshot.breakdown,
        middle: middleSnapshot?.breakdown ?? null,
        end: endSnapshot.breakdown,
        grew: heapGrowth(startSnapshot, endSnapshot),
        grewSecondHalf: middleSnapshot ? heapGrowth(middleSnapshot, endSnapshot) : null,
      };
    }
    const most = (f: (s: HeapSample) => number) => samples.reduce((a, b) => (f(b) > f(a) ? b : a));
    return {
      url,
      cycles,
      requestedCycles: o.cycles,
      warmupCycles: run,
      warmup,
      sampleEvery: o.sampleEvery,
      apiRequests: end.apiRequests,
      failedRequests,
      seconds: (Date.now() - started) / 1000,
      start,
      end,
      peakHeap: most((s) => s.jsHeapUsedMiB),
      peakDom: most((s) => s.domNodes),
      middle: samples.find((s) => s.cycle === middleCycle) ?? samples.find((s) => s.cycle >= cycles / 2) ?? end,
      samples,
      snapshots,
      ...(stoppedEarly ? { stoppedEarly } : {}),
    };
  } finally {
    await context.close();
  }
}
