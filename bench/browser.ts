// Measurements in headless Chromium (Debian's, never a downloaded one): overview rows on screen,
// first-load JavaScript per page, and the TV soak.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { summarize, type Summary } from './stats';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const VIEWPORT = { width: 1440, height: 900 };

export function launchBrowser(): Promise<Browser> {
  // The bench handles Ctrl-C itself and closes the browser in its cleanup.
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, timeout: 60_000 });
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

/**
 * Time to the first service row and to a settled screenful of rows: `runs` cold page loads, each
 * given `noRowsAfterMs` to show a row. Gives up when the first load shows none.
 */
export async function overviewRows(browser: Browser, baseUrl: string, runs: number, log: (s: string) => void, noRowsAfterMs = 40_000): Promise<RowsResult> {
  const url = `${baseUrl}/`;
  const out: RowRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await rowRun(browser, url, noRowsAfterMs);
    out.push(r);
    log(`  page run ${i + 1}/${runs}: first row ${r.firstRowMs?.toFixed(0) ?? 'none'} ms, screenful ${r.viewportRowsMs?.toFixed(0) ?? '-'} ms (${r.visibleRows} visible of ${r.dataRows} rows; role=row count ${r.roleRows})`);
    if (i === 0 && r.firstRowMs === null) break;
  }
  const withRows = out.filter((r) => r.firstRowMs !== null);
  const misses = out.length - withRows.length;
  const note =
    withRows.length === 0
      ? `no data rows (role=row with a cell and text, outside thead) appeared within ${noRowsAfterMs / 1000} s in ${out.length} loads; role=row count ${out[out.length - 1]?.roleRows ?? 0}`
      : misses > 0
        ? `${misses} of ${out.length} loads showed no row within ${noRowsAfterMs / 1000} s (left out of the figures)`
        : undefined;
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

export interface HeapSample {
  jsHeapUsedMiB: number;
  domNodes: number;
  documentElements: number;
  listeners: number;
}

async function heapSample(page: Page): Promise<HeapSample> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
    const documentElements = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { jsHeapUsedMiB: m('JSHeapUsedSize') / 1024 / 1024, domNodes: m('Nodes'), documentElements, listeners: m('JSEventListeners') };
  } finally {
    await cdp.detach();
  }
}

export interface TvSoakResult {
  url: string;
  cycles: number;
  requestedCycles: number;
  apiRequests: number;
  failedRequests: number;
  seconds: number;
  start: HeapSample;
  end: HeapSample;
  stoppedEarly?: string;
}

/**
 * Opens /tv at the server's minimum refresh and drives `cycles` refresh cycles without waiting for
 * them in real time: Playwright's fake clock jumps the page's timers by one refresh interval, then
 * the bench waits until the API requests that started have finished. Heap (after a forced GC) and
 * DOM node count are read after a warm-up and at the end.
 */
export async function tvSoak(browser: Browser, o: { baseUrl: string; refreshSeconds: number; cycles: number; maxSeconds: number; log: (s: string) => void }): Promise<TvSoakResult> {
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
    const WARMUP = 5;
    for (let i = 0; i < WARMUP; i++) await cycle();
    const start = await heapSample(page);
    const apiAtStart = startedRequests;
    let cycles = 0;
    let stoppedEarly: string | undefined;
    const deadline = started + o.maxSeconds * 1000;
    while (cycles < o.cycles) {
      if (Date.now() > deadline) {
        stoppedEarly = `time limit of ${o.maxSeconds} s reached`;
        break;
      }
      await cycle();
      cycles++;
      if (cycles % 250 === 0) o.log(`  tv soak: ${cycles}/${o.cycles} cycles, ${startedRequests - apiAtStart} API requests`);
    }
    const end = await heapSample(page);
    return {
      url,
      cycles,
      requestedCycles: o.cycles,
      apiRequests: startedRequests - apiAtStart,
      failedRequests,
      seconds: (Date.now() - started) / 1000,
      start,
      end,
      ...(stoppedEarly ? { stoppedEarly } : {}),
    };
  } finally {
    await context.close();
  }
}
