// Time to the overview's first service row and to a settled screenful of rows, in cold page loads.
import type { Browser } from "@playwright/test";
import { VIEWPORT } from "./browser";
import { addSources, countSource, type Sources } from "./modes";
import { summarize, type Summary } from "./stats";

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
  /** Epoch ms at which the load started (just after a slot boundary). */
  startedAt: number;
  /** The page's own /api/v1/services answers by the `source` they reported (the first rows come in the HTML). */
  sources: Sources;
}

/** How long a page-load run waits, after its rows have settled, for the page's other requests to end. */
const TRAILING_REQUESTS_MS = 30_000;

async function rowRun(browser: Browser, url: string, noRowsAfterMs: number): Promise<RowRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const sources: Sources = {};
  const reading: Promise<void>[] = [];
  try {
    const page = await context.newPage();
    page.on("response", (res) => {
      if (!new URL(res.url()).pathname.startsWith("/api/v1/services") || res.status() !== 200) return;
      reading.push(
        res.text().then(
          (body) => countSource(sources, body),
          () => undefined,
        ),
      );
    });
    await page.addInitScript({ content: ROW_PROBE });
    const startedAt = Date.now();
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 });
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
      const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return n ? { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd } : null;
    });
    const roleRows = await page.getByRole("row").count();
    // Let this load's own later requests (sparklines, nodes, alerts) end before the next load starts:
    // each run is one viewer opening the page on an otherwise idle stack, not a pile-up of runs.
    await page.waitForLoadState("networkidle", { timeout: TRAILING_REQUESTS_MS }).catch(() => undefined);
    await Promise.all(reading);
    return {
      firstRowMs: state?.first ?? null,
      viewportRowsMs: state?.first != null ? (state.lastChange ?? null) : null,
      visibleRows: state?.visible ?? 0,
      dataRows: state?.total ?? 0,
      roleRows,
      domContentLoadedMs: nav?.dcl || null,
      loadMs: nav?.load || null,
      startedAt,
      sources,
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
  sources: Sources;
  note?: string;
}

/** How far past a slot's boundary a load starts: clear of the boundary, whatever the timer's jitter. */
const SLOT_MARGIN_MS = 100;

/**
 * Waits until just after the next multiple of `slotSeconds` since the epoch. The dashboard aligns
 * "now" down to its scrape interval and caches instant answers per aligned instant, so a load started
 * there is the first to ask for its instant: its current values come from Prometheus, not the cache.
 */
export async function startOfNextSlot(slotSeconds: number): Promise<void> {
  const slotMs = slotSeconds * 1000;
  await new Promise((resolve) => setTimeout(resolve, slotMs - (Date.now() % slotMs) + SLOT_MARGIN_MS));
}

/** Why some or all page loads are missing from the figures; undefined when every load showed rows. */
function missingRowsNote(out: readonly RowRun[], withRows: number, noRowsAfterMs: number): string | undefined {
  const misses = out.length - withRows;
  if (withRows === 0) {
    return `no data rows (role=row with a cell and text, outside thead) appeared within ${noRowsAfterMs / 1000} s in ${out.length} loads; role=row count ${out[out.length - 1]?.roleRows ?? 0}`;
  }
  if (misses > 0)
    return `${misses} of ${out.length} loads showed no row within ${noRowsAfterMs / 1000} s (left out of the figures)`;
  return undefined;
}

/**
 * Time to the first service row and to a settled screenful of rows: `runs` cold page loads, each
 * given `noRowsAfterMs` to show a row and started at the beginning of a new `slotSeconds` slot, so
 * that none is served from the answers of the one before. Gives up when the first load shows none.
 */
export async function overviewRows(
  browser: Browser,
  baseUrl: string,
  runs: number,
  log: (s: string) => void,
  o: { slotSeconds: number; noRowsAfterMs?: number },
): Promise<RowsResult> {
  const url = `${baseUrl}/`;
  const noRowsAfterMs = o.noRowsAfterMs ?? 40_000;
  const out: RowRun[] = [];
  for (let i = 0; i < runs; i++) {
    await startOfNextSlot(o.slotSeconds);
    const r = await rowRun(browser, url, noRowsAfterMs);
    out.push(r);
    log(
      `  page run ${i + 1}/${runs}: first row ${r.firstRowMs?.toFixed(0) ?? "none"} ms, screenful ${r.viewportRowsMs?.toFixed(0) ?? "-"} ms (${r.visibleRows} visible of ${r.dataRows} rows; role=row count ${r.roleRows})`,
    );
    if (i === 0 && r.firstRowMs === null) break;
  }
  return rowsResult(url, out, noRowsAfterMs);
}

function rowsResult(url: string, out: readonly RowRun[], noRowsAfterMs: number): RowsResult {
  const withRows = out.filter((r) => r.firstRowMs !== null);
  const note = missingRowsNote(out, withRows.length, noRowsAfterMs);
  return {
    url,
    runs: [...out],
    firstRow: summarize(withRows.map((r) => r.firstRowMs as number)),
    viewportRows: summarize(withRows.flatMap((r) => (r.viewportRowsMs === null ? [] : [r.viewportRowsMs]))),
    sources: out.reduce((all, r) => addSources(all, r.sources), {} as Sources),
    ...(note ? { note } : {}),
  };
}

/**
 * Cold page loads of several dashboards in turn (one per mode, the order alternating per round),
 * each the first viewer of its dashboard after a quiet spell: a load starts only once its dashboard
 * has had no request for `idleMs` (the warm ticks have stopped; see modes.ts KEEP_WARM_SECONDS),
 * at the start of a scrape slot. While one dashboard waits out its quiet spell, the other loads.
 * `lastUsed` (epoch ms of each dashboard's last request) is read and updated.
 */
export async function coldOverviewRows<K extends string>(
  browser: Browser,
  targets: readonly { key: K; baseUrl: string }[],
  lastUsed: Record<K, number>,
  runs: number,
  log: (s: string) => void,
  o: { slotSeconds: number; idleMs: number; noRowsAfterMs?: number },
): Promise<Record<K, RowsResult>> {
  const noRowsAfterMs = o.noRowsAfterMs ?? 40_000;
  const out = new Map<K, RowRun[]>(targets.map((t) => [t.key, []]));
  const done = new Set<K>();
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      if (done.has(t.key)) continue;
      const quietFor = Date.now() - lastUsed[t.key];
      if (quietFor < o.idleMs) await new Promise((r) => setTimeout(r, o.idleMs - quietFor));
      await startOfNextSlot(o.slotSeconds);
      const r = await rowRun(browser, `${t.baseUrl}/`, noRowsAfterMs);
      lastUsed[t.key] = Date.now();
      out.get(t.key)?.push(r);
      log(
        `  ${t.key} cold page run ${i + 1}/${runs}: first row ${r.firstRowMs?.toFixed(0) ?? "none"} ms, screenful ${r.viewportRowsMs?.toFixed(0) ?? "-"} ms (${r.visibleRows} visible of ${r.dataRows} rows)`,
      );
      if (i === 0 && r.firstRowMs === null) done.add(t.key);
    }
  }
  return Object.fromEntries(
    targets.map((t) => [t.key, rowsResult(`${t.baseUrl}/`, out.get(t.key) ?? [], noRowsAfterMs)]),
  ) as Record<K, RowsResult>;
}
