// Measurements in headless Chromium (Debian's, never a downloaded one): overview rows on screen,
// first-load JavaScript per page, and the TV soak.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { aggregateHeapSnapshot, heapGrowth, type HeapAggregate, type HeapBreakdown, type HeapGrowth } from './heap';
import { summarize, type Summary } from './stats';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const VIEWPORT = { width: 1440, height: 900 };

/** Debian's Chromium; `jsFlags` are passed to V8 (`--js-flags`), for experiments such as a soak without the optimising compilers. */
export function launchBrowser(jsFlags?: string): Promise<Browser> {
  const args = jsFlags ? [...CHROMIUM_ARGS, `--js-flags=${jsFlags}`] : CHROMIUM_ARGS;
  // The bench handles Ctrl-C itself and closes the browser in its cleanup.
  return chromium.launch({ executablePath: '/usr/bin/chromium', args, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, timeout: 60_000 });
}

interface RowState {
  first: number | null;
  lastChange: number | null;
  visible: number;
  total: number;
  now: number;
}

declare global {
  interface Window {
    __benchRows?: RowState;
  }
}

/**
 * Runs in the page from its first script on (plain JavaScript, so that no bundler helper leaks
 * into it): every animation frame it finds the data rows (role row, explicit or implicit via <tr>,
 * outside any <thead>, holding a cell and some text) that intersect the viewport, and notes when
 * the first appeared and when that visible set last changed. Times are performance.now(), i.e.
 * milliseconds since navigation start.
 */
const ROW_PROBE = `(() => {
  const state = { first: null, lastChange: null, visible: 0, total: 0, now: 0 };
  let sig = '';
  window.__benchRows = state;
  const CELL = 'td, th[scope="row"], [role="cell"], [role="gridcell"], [role="rowheader"]';
  const tick = () => {
    const rows = document.querySelectorAll('tr, [role="row"]');
    const h = window.innerHeight;
    const w = window.innerWidth;
    let visible = 0, text = 0, data = 0;
    for (const row of rows) {
      if (row.closest('thead') || !row.querySelector(CELL)) continue;
      const content = (row.textContent || '').trim();
      if (!content) continue;
      data++;
      const b = row.getBoundingClientRect();
      if (b.height > 0 && b.bottom > 0 && b.top < h && b.right > 0 && b.left < w) {
        visible++;
        text += content.length;
      }
    }
    const now = performance.now();
    const s = visible + ':' + text;
    if (visible > 0 && state.first === null) state.first = now;
    if (s !== sig) {
      sig = s;
      if (visible > 0) state.lastChange = now;
    }
    state.visible = visible;
    state.total = data;
    state.now = now;
    if (now < 120000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export interface RowRun {
  firstRowMs: number | null;
  viewportRowsMs: number | null;
  visibleRows: number;
  dataRows: number;
  roleRows: number;
  domContentLoadedMs: number | null;
  loadMs: number | null;
}

/** How long a page-load run waits, after its rows have settled, for the page's other requests to end. */
const TRAILING_REQUESTS_MS = 30_000;

async function rowRun(browser: Browser, url: string, noRowsAfterMs: number): Promise<RowRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: ROW_PROBE });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const QUIET_MS = 1500;
    const deadline = Date.now() + noRowsAfterMs + 20_000;
    let state: RowState | undefined;
    while (Date.now() < deadline) {
      state = await page.evaluate(() => window.__benchRows);
      if (state && state.first !== null && state.lastChange !== null && state.now - state.lastChange >= QUIET_MS) break;
      if (state && state.first === null && state.now > noRowsAfterMs) break;
      await page.waitForTimeout(100);
    }
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return n ? { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd } : null;
    });
    const roleRows = await page.getByRole('row').count();
    // Let this load's own later requests (sparklines, nodes, alerts) end before the next load starts:
    // each run is one viewer opening the page on an otherwise idle stack, not a pile-up of runs.
    await page.waitForLoadState('networkidle', { timeout: TRAILING_REQUESTS_MS }).catch(() => undefined);
    return {
      firstRowMs: state?.first ?? null,
      viewportRowsMs: state?.first != null ? (state.lastChange ?? null) : null,
      visibleRows: state?.visible ?? 0,
      dataRows: state?.total ?? 0,
      roleRows,
      domContentLoadedMs: nav?.dcl || null,
      loadMs: nav?.load || null,
    };
  } finally {
    await context.close();
  }
}

export interface RowsResult {
  url: string;
  runs: RowRun[];
  firstRow: Summary | null;
  viewportRows: Summary | null;
  note?: string;
}

/** How far past a slot's boundary a load starts: clear of the boundary, whatever the timer's jitter. */
const SLOT_MARGIN_MS = 100;

/**
 * Waits until just after the next multiple of `slotSeconds` since the epoch. The dashboard aligns
 * "now" down to its scrape interval and caches instant answers per aligned instant, so a load started
 * there is the first to ask for its instant: its current values come from Prometheus, not the cache.
 */
async function startOfNextSlot(slotSeconds: number): Promise<void> {
  const slotMs = slotSeconds * 1000;
  await new Promise((resolve) => setTimeout(resolve, slotMs - (Date.now() % slotMs) + SLOT_MARGIN_MS));
}

/** Why some or all page loads are missing from the figures; undefined when every load showed rows. */
function missingRowsNote(out: readonly RowRun[], withRows: number, noRowsAfterMs: number): string | undefined {
  const misses = out.length - withRows;
  if (withRows === 0) {
    return `no data rows (role=row with a cell and text, outside thead) appeared within ${noRowsAfterMs / 1000} s in ${out.length} loads; role=row count ${out[out.length - 1]?.roleRows ?? 0}`;
  }
  if (misses > 0) return `${misses} of ${out.length} loads showed no row within ${noRowsAfterMs / 1000} s (left out of the figures)`;
  return undefined;
}

/**
 * Time to the first service row and to a settled screenful of rows: `runs` cold page loads, each
 * given `noRowsAfterMs` to show a row and started at the beginning of a new `slotSeconds` slot, so
 * that none is served from the answers of the one before. Gives up when the first load shows none.
 */
export async function overviewRows(browser: Browser, baseUrl: string, runs: number, log: (s: string) => void, o: { slotSeconds: number; noRowsAfterMs?: number }): Promise<RowsResult> {
  const url = `${baseUrl}/`;
  const noRowsAfterMs = o.noRowsAfterMs ?? 40_000;
  const out: RowRun[] = [];
  for (let i = 0; i < runs; i++) {
    await startOfNextSlot(o.slotSeconds);
    const r = await rowRun(browser, url, noRowsAfterMs);
    out.push(r);
    log(`  page run ${i + 1}/${runs}: first row ${r.firstRowMs?.toFixed(0) ?? 'none'} ms, screenful ${r.viewportRowsMs?.toFixed(0) ?? '-'} ms (${r.visibleRows} visible of ${r.dataRows} rows; role=row count ${r.roleRows})`);
    if (i === 0 && r.firstRowMs === null) break;
  }
  const withRows = out.filter((r) => r.firstRowMs !== null);
  const note = missingRowsNote(out, withRows.length, noRowsAfterMs);
  return {
    url,
    runs: out,
    firstRow: summarize(withRows.map((r) => r.firstRowMs as number)),
    viewportRows: summarize(withRows.flatMap((r) => (r.viewportRowsMs === null ? [] : [r.viewportRowsMs]))),
    ...(note ? { note } : {}),
  };
}

export interface PageJs {
  path: string;
  status: number | null;
  scripts: number;
  /** Sum of each script's size gzipped here (level 9 as Next reports it; independent of the server's compression). */
  gzipBytes: number | null;
  /** Sum of the encoded body sizes Chromium received. */
  transferBytes: number | null;
  rawBytes: number | null;
  note?: string;
}

/** The JavaScript a fresh browser downloads to show one page: every script response up to network quiet. */
export async function firstLoadJs(browser: Browser, baseUrl: string, path: string): Promise<PageJs> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const pending: Promise<{ gzip: number; raw: number; transfer: number }>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      pending.push(
        (async () => {
          const body = await res.body().catch(() => Buffer.alloc(0));
          const sizes = await res.request().sizes().catch(() => ({ responseBodySize: 0 }));
          return { gzip: gzipSync(body, { level: 9 }).length, raw: body.length, transfer: sizes.responseBodySize };
        })(),
      );
    });
    const res = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    const status = res?.status() ?? null;
    const files = await Promise.all(pending);
    return {
      path,
      status,
      scripts: files.length,
      gzipBytes: files.reduce((s, f) => s + f.gzip, 0),
      transferBytes: files.reduce((s, f) => s + f.transfer, 0),
      rawBytes: files.reduce((s, f) => s + f.raw, 0),
      ...(status !== 200 ? { note: `answered ${status}` } : {}),
    };
  } finally {
    await context.close();
  }
}

/** One reading of the TV page's memory. */
export interface HeapSample {
  /** Refresh cycles since the start sample (0 = the start sample itself, taken after the warm-up cycles; negative during the warm-up). */
  cycle: number;
  /** Seconds since the soak opened the page. */
  seconds: number;
  /** JS heap used (V8's JSHeapUsedSize) after forced GCs: the least of the reads. */
  jsHeapUsedMiB: number;
  /** Each read, one forced GC (CDP HeapProfiler.collectGarbage) before each. */
  jsHeapReadsMiB: number[];
  /** Chromium's count of live DOM nodes (text nodes and detached ones included). */
  domNodes: number;
  /** Elements in the document. */
  documentElements: number;
  listeners: number;
  /** API requests the page started since the start sample. */
  apiRequests: number;
}

const GC_READS = 3;

/**
 * Heap after forced GCs, read `GC_READS` times (a GC can leave garbage a later one frees, e.g.
 * through weak references or finalizers), and the DOM.
 */
async function heapSample(page: Page, cdp: CDPSession, at: { cycle: number; seconds: number; apiRequests: number }): Promise<HeapSample> {
  const reads: number[] = [];
  let metrics: { name: string; value: number }[] = [];
  for (let i = 0; i < GC_READS; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    ({ metrics } = await cdp.send('Performance.getMetrics'));
    reads.push((metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024);
  }
  const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
  const documentElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { ...at, jsHeapUsedMiB: Math.min(...reads), jsHeapReadsMiB: reads, domNodes: m('Nodes'), documentElements, listeners: m('JSEventListeners') };
}

/** A heap snapshot of the page (after a forced GC), aggregated; the snapshot itself is not kept. */
async function heapSnapshot(cdp: CDPSession): Promise<HeapAggregate> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return aggregateHeapSnapshot(chunks.join(''));
}

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
export async function tvSoak(browser: Browser, o: { baseUrl: string; refreshSeconds: number; warmupCycles: number; cycles: number; sampleEvery: number; maxSeconds: number; log: (s: string) => void }): Promise<TvSoakResult> {
  const url = `${o.baseUrl}/tv?refresh=${o.refreshSeconds}s`;
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const started = Date.now();
  try {
    const page = await context.newPage();
    let inFlight = 0;
    let startedRequests = 0;
    let failedRequests = 0;
    const isApi = (u: string) => new URL(u).pathname.startsWith('/api/');
    page.on('request', (r) => {
      if (!isApi(r.url())) return;
      inFlight++;
      startedRequests++;
    });
    page.on('requestfinished', (r) => {
      if (isApi(r.url())) inFlight--;
    });
    page.on('requestfailed', (r) => {
      if (!isApi(r.url())) return;
      inFlight--;
      failedRequests++;
    });
    await page.clock.install();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

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
    const at = (cycle: number) => ({ cycle, seconds: (Date.now() - started) / 1000, apiRequests: startedRequests - apiAtStart });
    const warmup: HeapSample[] = [];
    let run = 0;
    for (; run < Math.min(FIRST_REFRESHES, o.warmupCycles); run++) await cycle();
    if (run < o.warmupCycles) {
      warmup.push(await heapSample(page, cdp, at(run - o.warmupCycles)));
      o.log(`  tv soak: warm-up, ${run}/${o.warmupCycles} cycles: heap ${(warmup[0] as HeapSample).jsHeapUsedMiB.toFixed(2)} MiB`);
    }
    while (run < o.warmupCycles && !timeIsUp()) {
      await cycle();
      run++;
      if (run % o.sampleEvery === 0 && run < o.warmupCycles) warmup.push(await heapSample(page, cdp, at(run - o.warmupCycles)));
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
    o.log(`  tv soak: start sample after ${run} warm-up cycles: heap ${start.jsHeapUsedMiB.toFixed(2)} MiB, ${start.domNodes} DOM nodes`);
    let cycles = 0;
    while (cycles < o.cycles && !timeIsUp()) {
      await cycle();
      cycles++;
      if (cycles % o.sampleEvery === 0 && cycles < o.cycles) {
        const s = await heapSample(page, cdp, at(cycles));
        samples.push(s);
        if (cycles === middleCycle) middleSnapshot = await snapshot();
        o.log(`  tv soak: ${cycles}/${o.cycles} cycles, ${s.apiRequests} API requests, heap ${s.jsHeapUsedMiB.toFixed(2)} MiB, ${s.domNodes} DOM nodes`);
      }
    }
    const end = await heapSample(page, cdp, at(cycles));
    samples.push(end);
    const endSnapshot = await snapshot();
    let snapshots: TvSoakSnapshots | { error: string };
    if (typeof startSnapshot === 'string') snapshots = { error: startSnapshot };
    else if (typeof middleSnapshot === 'string') snapshots = { error: middleSnapshot };
    else if (typeof endSnapshot === 'string') snapshots = { error: endSnapshot };
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
