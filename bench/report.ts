// Turns a bench result into the Markdown it prints (and bench/README.md shows): the main table,
// the rules' cost, first-load JS, the TV soak and the Goals table.
import { goalsTable, rulesLines } from "./goals";
import type { HeapBreakdown, HeapGrowth, MachineCode } from "./heap";
import { mainTable } from "./main-table";
import { sourcesLine } from "./sources";
import { markdown, na, type BenchResult } from "./result";

export type { BenchResult, ModeResult, SizeResult } from "./result";

const kib = (b: number | null) => (b === null ? na : `${(b / 1024).toFixed(1)} KiB`);

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
  if (r.options.only === "sources")
    return [
      ...head,
      "Several sources (--only sources):",
      "",
      ...(r.sourcesCase ?? []).map((c) => `- ${sourcesLine(c)}`),
      "",
      `Processes left running after cleanup: ${r.processesLeft}`,
    ].join("\n");
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
          "Cells: median (min–max) over the rounds; viewer ratios are N viewers / 1 viewer, by our /metrics and by the query log; recorded ÷ raw divides the medians (or the figure) of the two modes.",
          "",
          mainTable(r, (r.options.viewers as number[] | undefined) ?? [1]),
          "",
          ...rulesLines(r),
          "",
          "First-load JS (fresh browser context, every script response up to network quiet):",
          "",
          pagesTable(r),
          "",
          tvLine(r),
        ];
  const notes = [...r.notes, ...r.sizes.flatMap((s) => s.notes.map((n) => `N=${s.services}: ${n}`))];
  if (notes.length) lines.push("", "Notes:", ...notes.map((n) => `- ${n}`));
  if (r.options.only !== "tv" && r.options.only !== "sources") lines.push("", "Goals (issue 16):", "", goalsTable(r));
  lines.push("", `Processes left running after cleanup: ${r.processesLeft}`);
  return lines.join("\n");
}
