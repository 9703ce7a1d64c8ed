// Turns a bench result into the Markdown tables it prints (and bench/README.md shows).
import type { CallsResult } from "./calls";
import type { PageJs } from "./browser";
import type { HeapBreakdown, HeapGrowth, MachineCode } from "./heap";
import type { LoadResult } from "./load";
import type { RowsResult } from "./row-timing";
import type { UpstreamStats } from "./upstream";
import { fmt, type Summary } from "./stats";
import type { TvSoakResult } from "./tv-soak";
import type { ViewersResult } from "./viewers";

export interface SizeResult {
  services: number;
  nodes: number;
  upstream: UpstreamStats;
  nodesRouteStatus: number;
  tvStatus: number;
  calls?: CallsResult;
  viewers: ViewersResult[];
  rows?: RowsResult;
  load?: LoadResult;
  notes: string[];
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  command: string;
  options: Record<string, unknown>;
  machine: { cpus: number; memoryGiB: number; node: string; prometheus: string; chromium?: string };
  build: { buildId: string; builtAt: string; builtByBench: boolean };
  sizes: SizeResult[];
  pagesJs: PageJs[];
  tv: TvSoakResult | { skipped: string };
  notes: string[];
  processesLeft: number;
}

const na = "n/a";
const ms = (s: Summary | null | undefined) => fmt(s, 0);
const count = (s: Summary | null | undefined) => fmt(s, 0);
const kib = (b: number | null) => (b === null ? na : `${(b / 1024).toFixed(1)} KiB`);
const ratio = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? na : `${x.toFixed(digits)}×`;

function viewersCell(s: SizeResult, v: number): string {
  const one = s.viewers.find((x) => x.viewers === 1);
  const r = s.viewers.find((x) => x.viewers === v);
  if (!r) return na;
  const base = `${r.promql} PromQL (log ${r.upstream.queryLog})`;
  if (v === 1 || !one) return base;
  return `${base}, ${ratio(r.promql / one.promql)} / ${ratio(r.upstream.queryLog / one.upstream.queryLog)}`;
}

/** The main table: one column per fleet size. */
export function mainTable(r: BenchResult): string {
  const head = ["", ...r.sizes.map((s) => `N=${s.services} (M=${s.nodes})`)];
  const rows: string[][] = [];
  const row = (label: string, cell: (s: SizeResult) => string) => rows.push([label, ...r.sizes.map(cell)]);
  row("Prometheus head series", (s) => String(s.upstream.headSeries ?? na));
  row(
    "last scrape, services / nodes",
    (s) =>
      `${((s.upstream.scrapeSeconds["bench-services"] ?? NaN) * 1000).toFixed(0)} / ${((s.upstream.scrapeSeconds["bench-nodes"] ?? NaN) * 1000).toFixed(0)} ms`,
  );
  row("services returned", (s) => String(s.calls?.servicesReturned ?? na));
  row("cold rounds by outcome", (s) =>
    s.calls
      ? Object.entries(s.calls.outcomes)
          .map(([k, v]) => `${v}× ${k}`)
          .join(", ")
      : na,
  );
  row("**1** PromQL queries per /services call (our /metrics)", (s) => count(s.calls?.perCall.services.promqlMetrics));
  row("  same, from Prometheus query log", (s) => count(s.calls?.perCall.services.queryLog));
  row("  metadata calls per call (label values, cached 60 s)", (s) => count(s.calls?.perCall.services.metadata));
  row("  PromQL queries of the warm repeat", (s) => count(s.calls?.perCall.services.warmPromql));
  row("  PromQL queries per /nodes call (metrics / log)", (s) => {
    const n = s.calls?.perCall.nodes;
    if (!n || n.status !== 200) return `${na} (HTTP ${s.nodesRouteStatus})`;
    return `${count(n.promqlMetrics)} / ${count(n.queryLog)}`;
  });
  row("**2** 1 viewer, upstream queries", (s) => viewersCell(s, 1));
  row("  10 viewers (ratio metrics / log)", (s) => viewersCell(s, 10));
  row("  50 viewers (ratio metrics / log)", (s) => viewersCell(s, 50));
  row("  viewer polls failed / stale / skipped, of polls", (s) =>
    s.viewers.length ? s.viewers.map((v) => `${v.failed}/${v.stale}/${v.skipped} of ${v.polls}`).join("; ") : na,
  );
  row("  50-viewer poll latency ms", (s) => ms(s.viewers.find((v) => v.viewers === 50)?.latency));
  row("**3** /services cold ms", (s) => ms(s.calls?.latency.cold));
  row("  cold p95 ms", (s) => (s.calls?.latency.cold ? s.calls.latency.cold.p95.toFixed(0) : na));
  row("  cold ms, all rounds whatever the answer", (s) => ms(s.calls?.coldAllMs));
  row("  /services warm ms", (s) => ms(s.calls?.latency.warm));
  row("  Prometheus direct, same queries ms", (s) => ms(s.calls?.latency.direct));
  row("  Prometheus direct, all rounds ms (failed batches)", (s) =>
    s.calls ? `${ms(s.calls.directAllMs)} (${s.calls.directFailures})` : na,
  );
  row("  overhead cold / direct (medians; paired)", (s) =>
    s.calls ? `${ratio(s.calls.latency.overheadCold)}; ${ratio(s.calls.latency.overheadColdPairedMedian)}` : na,
  );
  row("**4** overview: first row ms", (s) => {
    if (!s.rows) return na;
    return s.rows.firstRow ? ms(s.rows.firstRow) : `${na}: ${s.rows.note ?? ""}`;
  });
  row("  overview: screenful of rows settled ms", (s) => ms(s.rows?.viewportRows));
  row("**5** wrk responses/s (2xx/s)", (s) =>
    s.load ? `${s.load.requestsPerSecond.toFixed(0)} (${s.load.okPerSecond.toFixed(0)})` : na,
  );
  row("  wrk p50 / p95 ms", (s) => {
    if (!s.load) return na;
    // wrk records no latency for responses after its timeout.
    if (s.load.latencyMs.max === 0) return `all > ${s.load.timeoutSeconds} s`;
    return `${s.load.latencyMs.p50.toFixed(1)} / ${s.load.latencyMs.p95.toFixed(1)}`;
  });
  row("  non-2xx / slower than timeout / socket errors", (s) => {
    if (!s.load) return na;
    const e = s.load.socketErrors;
    return `${s.load.non2xx} / ${e.timeout} / ${e.connect + e.read + e.write}`;
  });
  row("  dashboard RSS MiB before → after (peak)", (s) => {
    const m = s.load?.rssMiB;
    if (!m) return na;
    const f = (v: number | null) => (v === null ? na : v.toFixed(0));
    return `${f(m.before)} → ${f(m.after)} (${f(m.peak)})`;
  });
  row("  dashboard CPU s during wrk (ms per response)", (s) => {
    const l = s.load;
    if (!l || l.dashboardCpuSeconds == null) return na;
    return `${l.dashboardCpuSeconds.toFixed(1)} (${l.dashboardCpuMsPerRequest != null ? l.dashboardCpuMsPerRequest.toFixed(1) : na})`;
  });
  row("machine load average (1 min) after wrk", (s) => (s.load ? s.load.loadAverage.toFixed(1) : na));
  return markdown(head, rows);
}

export function pagesTable(r: BenchResult): string {
  if (r.pagesJs.length === 0) return "(first-load JS not measured)";
  const rows = r.pagesJs.map((p) => [
    p.path,
    String(p.status ?? na),
    String(p.scripts),
    kib(p.gzipBytes),
    kib(p.transferBytes),
    kib(p.rawBytes),
    p.note ?? "",
  ]);
  return markdown(["page", "HTTP", "scripts", "JS gzip -9", "JS transferred", "JS raw", "note"], rows);
}

const signedPercent = (from: number, to: number) => {
  const p = (to / from - 1) * 100;
  return `${p >= 0 ? "+" : "−"}${Math.abs(p).toFixed(1)} %`;
};

/** The TV soak: one line of figures, the curve, and what the heap snapshots say grew. */
export function tvLine(r: BenchResult): string {
  if ("skipped" in r.tv) return `**6** TV soak: skipped (${r.tv.skipped})`;
  const t = r.tv;
  const first = t.warmup?.[0];
  const mib = (v: number) => v.toFixed(2);
  const lines = [
    `**6** TV soak ${t.url}: ${t.cycles}/${t.requestedCycles} refresh cycles in ${t.seconds.toFixed(0)} s, ${t.apiRequests} API requests (${t.failedRequests} failed)` +
      (t.stoppedEarly ? ` (stopped early: ${t.stoppedEarly})` : "") +
      `. JS heap after forced GC: ${mib(t.start.jsHeapUsedMiB)} MiB at the start sample (cycle 0, taken after ${t.warmupCycles} warm-up cycles) → ${mib(t.end.jsHeapUsedMiB)} MiB at cycle ${t.end.cycle} ` +
      `(${signedPercent(t.start.jsHeapUsedMiB, t.end.jsHeapUsedMiB)}; goal < 10 %), peak ${mib(t.peakHeap.jsHeapUsedMiB)} MiB at cycle ${t.peakHeap.cycle}; ` +
      `cycle ${t.middle.cycle} → ${t.end.cycle}: ${signedPercent(t.middle.jsHeapUsedMiB, t.end.jsHeapUsedMiB)}` +
      (first
        ? `; from the first warm-up sample (cycle ${first.cycle}, the page's first refreshes), warm-up included: ${mib(first.jsHeapUsedMiB)} → ${mib(t.end.jsHeapUsedMiB)} MiB (${signedPercent(first.jsHeapUsedMiB, t.end.jsHeapUsedMiB)})`
        : "") +
      ". " +
      `DOM nodes ${t.start.domNodes} → ${t.end.domNodes} (peak ${t.peakDom.domNodes} at cycle ${t.peakDom.cycle}), elements ${t.start.documentElements} → ${t.end.documentElements}.`,
    `  heap MiB / DOM nodes every ${t.sampleEvery} cycles: ${[...(t.warmup ?? []), ...t.samples].map((s) => `${s.cycle}: ${mib(s.jsHeapUsedMiB)}/${s.domNodes}`).join(", ")}`,
  ];
  if ("error" in t.snapshots) lines.push(`  ${t.snapshots.error}`);
  else {
    const { start, middle, end, grew, grewSecondHalf } = t.snapshots;
    const at = middle ? `the start, middle (cycle ${t.middle.cycle}) and end samples` : "the start and end samples";
    const kind = (label: string, k: keyof typeof start.kinds) =>
      `${label} ${[start, middle, end].flatMap((b) => (b ? [mib(b.kinds[k])] : [])).join(" → ")}`;
    const list = (gs: readonly HeapGrowth[]) =>
      gs
        .slice(0, 5)
        .map((g) => `${g.what} +${g.kib.toFixed(0)} KiB (${g.count >= 0 ? "+" : ""}${g.count})`)
        .join(", ") || "nothing";
    lines.push(
      `  heap snapshots after ${at}, MiB: ${kind("code", "code")}; ${kind("JS objects", "jsObjects")}; ${kind("strings", "strings")}; ${kind("V8 system", "system")}; ` +
        `${kind("native (Blink, DevTools; not in the JS heap figure)", "native")}`,
      `  grew most, start → end: ${list(grew)}` + (grewSecondHalf ? `; middle → end: ${list(grewSecondHalf)}` : ""),
    );
    // Extra figures, not the goal's: how much of the snapshots is V8's machine code, and what is left without any code.
    const snaps = [start, middle, end].flatMap((b) => (b ? [b] : []));
    const series = (f: (b: HeapBreakdown) => number) => snaps.map((b) => mib(f(b))).join(" → ");
    const ends = (f: (b: HeapBreakdown) => number) => signedPercent(f(start), f(end));
    if (snaps.every((b) => b.machineCode)) {
      const mc = (b: HeapBreakdown) => b.machineCode as MachineCode;
      lines.push(
        `  of the code, V8's machine code, MiB: optimised (Maglev, Turbofan) ${series((b) => mc(b).optimizedMiB)}; baseline (Sparkplug) ${series((b) => mc(b).baselineMiB)}; ` +
          `of both, in scripts without a URL (injected by the bench: Playwright's fake clock and page.evaluate) ${series((b) => mc(b).noUrlMiB)}`,
      );
    }
    const other = (b: HeapBreakdown) => b.kinds.jsObjects + b.kinds.strings + b.kinds.system;
    lines.push(
      `  snapshot kinds other than code (JS objects + strings + V8 system; not the goal's figure), MiB: ${series(other)} (start → end ${ends(other)})`,
    );
  }
  return lines.join("\n");
}

export function fullReport(r: BenchResult): string {
  const head = [
    `signalboard bench, ${r.startedAt} (${(r.durationSeconds / 60).toFixed(1)} min), \`${r.command}\``,
    `machine: ${r.machine.cpus} cores, ${r.machine.memoryGiB.toFixed(0)} GiB, node ${r.machine.node}, ${r.machine.prometheus}${r.machine.chromium ? `, Chromium ${r.machine.chromium}` : ""}; build ${r.build.buildId} (${r.build.builtAt})`,
  ];
  // --only tv: no table of API figures to show, only the fleet the soak ran against.
  const lines =
    r.options.only === "tv"
      ? [
          ...head,
          `fleet: ${r.sizes.map((s) => `N=${s.services} (M=${s.nodes}), ${s.upstream.headSeries ?? na} head series`).join("; ")}; TV soak only (--only tv)`,
          "",
          tvLine(r),
        ]
      : [
          ...head,
          "Cells: median (min–max) over the rounds; ratios are N viewers / 1 viewer, by our /metrics and by the query log.",
          "",
          mainTable(r),
          "",
          "First-load JS (fresh browser context, every script response up to network quiet):",
          "",
          pagesTable(r),
          "",
          tvLine(r),
        ];
  const notes = [...r.notes, ...r.sizes.flatMap((s) => s.notes.map((n) => `N=${s.services}: ${n}`))];
  if (notes.length) lines.push("", "Notes:", ...notes.map((n) => `- ${n}`));
  lines.push("", `Processes left running after cleanup: ${r.processesLeft}`);
  return lines.join("\n");
}

function markdown(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
