// The main table: one column per fleet size and mode, and a recorded ÷ raw column per size.
import { promqlCount } from "./api";
import { addSources, MODES, sourcesText, type Sources } from "./modes";
import {
  firstSources,
  markdown,
  ms,
  na,
  num,
  outcomesText,
  ratio,
  type BenchResult,
  type ModeResult,
  type SizeResult,
} from "./result";
import type { RowsResult } from "./row-timing";
import { fmt, type Summary } from "./stats";
import type { ViewersResult } from "./viewers";

const count = (s: Summary | null | undefined) => fmt(s, 0);

function viewersCell(m: ModeResult, v: number): string {
  const one = m.viewers.find((x) => x.viewers === 1);
  const r = m.viewers.find((x) => x.viewers === v);
  if (!r) return na;
  const base = `${r.promql} PromQL (log ${r.upstream.queryLog})`;
  if (v === 1 || !one) return base;
  return `${base}, ${ratio(r.promql / one.promql)} / ${ratio(r.upstream.queryLog / one.upstream.queryLog)}`;
}

const mostViewers = (m: ModeResult) =>
  m.viewers.reduce<ViewersResult | undefined>((a, v) => (!a || v.viewers > a.viewers ? v : a), undefined);

/** Every answer's source in one mode, by phase. */
function sourcesCell(m: ModeResult): string {
  const parts = [
    ["rounds", m.calls?.sources],
    ["slos", m.calls?.perCall.slos?.sources],
    ["viewers", m.viewers.reduce((all, v) => addSources(all, v.sources), {} as Sources)],
    ["sparklines", m.sparklines?.sources],
    ["watched", m.watched ? addSources({ ...m.watched.watcherSources }, firstSources(m.watched)) : undefined],
    [
      "pages",
      m.rowsCold || m.rowsWatched ? addSources({ ...m.rowsCold?.sources }, m.rowsWatched?.sources ?? {}) : undefined,
    ],
  ] as const;
  return (
    parts
      .filter(([, s]) => s && Object.keys(s).length)
      .map(([k, s]) => `${k}: ${sourcesText(s)}`)
      .join("; ") || na
  );
}

interface Column {
  s: SizeResult;
  m: ModeResult;
}

/**
 * The main table: one column per fleet size and mode, and per size a column of recorded ÷ raw where
 * both modes ran and the row has a figure to divide.
 */
export function mainTable(r: BenchResult, viewerCounts: readonly number[]): string {
  const groups = r.sizes.map((s) => {
    const cols = MODES.flatMap((mode) => (s.modes[mode] ? [{ s, m: s.modes[mode] }] : []));
    return { s, cols, both: cols.length === MODES.length };
  });
  const head = [
    "",
    ...groups.flatMap((g) => [
      ...g.cols.map((c) => `N=${g.s.services} (M=${g.s.nodes}) ${c.m.mode}`),
      ...(g.both ? [`N=${g.s.services} recorded ÷ raw`] : []),
    ]),
  ];
  const rows: string[][] = [];
  const row = (label: string, cell: (c: Column) => string, figure?: (c: Column) => number | null) =>
    rows.push([
      label,
      ...groups.flatMap((g) => {
        const cells = g.cols.map(cell);
        if (!g.both) return cells;
        if (!figure) return [...cells, ""];
        const [raw, rec] = [g.cols.find((c) => c.m.mode === "raw"), g.cols.find((c) => c.m.mode === "recorded")];
        const a = raw ? figure(raw) : null;
        const b = rec ? figure(rec) : null;
        return [...cells, a !== null && b !== null && a !== 0 ? ratio(b / a) : na];
      }),
    ]);
  row("Prometheus head series", ({ s }) => String(s.upstream.headSeries ?? na));
  row(
    "last scrape, services / nodes",
    ({ s }) =>
      `${((s.upstream.scrapeSeconds["bench-services"] ?? NaN) * 1000).toFixed(0)} / ${((s.upstream.scrapeSeconds["bench-nodes"] ?? NaN) * 1000).toFixed(0)} ms`,
  );
  row("answers by source (absent: the answer has no source field)", ({ m }) => sourcesCell(m));
  row("services returned", ({ m }) => String(m.calls?.servicesReturned ?? na));
  row("cold rounds by outcome", ({ m }) => (m.calls ? outcomesText(m.calls.outcomes) : na));
  row(
    "**1** PromQL queries per /services call (our /metrics)",
    ({ m }) => count(m.calls?.perCall.services.promqlMetrics),
    ({ m }) => num(m.calls?.perCall.services.promqlMetrics?.median),
  );
  row("  same, from Prometheus query log", ({ m }) => count(m.calls?.perCall.services.queryLog));
  row("  metadata calls per call (label values, cached 60 s)", ({ m }) => count(m.calls?.perCall.services.metadata));
  row("  PromQL queries of the warm repeat", ({ m }) => count(m.calls?.perCall.services.warmPromql));
  row("  PromQL queries per /nodes call (metrics / log)", ({ s, m }) => {
    const n = m.calls?.perCall.nodes;
    if (!n || n.status !== 200) return `${na} (HTTP ${s.nodesRouteStatus})`;
    return `${count(n.promqlMetrics)} / ${count(n.queryLog)}`;
  });
  for (const v of viewerCounts)
    row(
      v === 1 ? "**2** 1 viewer, upstream queries" : `  ${v} viewers (ratio to 1 viewer: metrics / log)`,
      ({ m }) => viewersCell(m, v),
      ({ m }) => num(m.viewers.find((x) => x.viewers === v)?.promql),
    );
  row("  viewer polls failed / stale / skipped, of polls", ({ m }) =>
    m.viewers.length ? m.viewers.map((v) => `${v.failed}/${v.stale}/${v.skipped} of ${v.polls}`).join("; ") : na,
  );
  row(
    `  ${Math.max(...viewerCounts)}-viewer poll latency ms (p95)`,
    ({ m }) => {
      const v = mostViewers(m);
      return v?.latency ? `${ms(v.latency)} (${v.latency.p95.toFixed(0)})` : na;
    },
    ({ m }) => num(mostViewers(m)?.latency?.p95),
  );
  row(
    "**3** /services cold ms",
    ({ m }) => ms(m.calls?.latency.cold),
    ({ m }) => num(m.calls?.latency.cold?.median),
  );
  row("  cold p95 ms", ({ m }) => (m.calls?.latency.cold ? m.calls.latency.cold.p95.toFixed(0) : na));
  row("  cold ms, all rounds whatever the answer", ({ m }) => ms(m.calls?.coldAllMs));
  row(
    "  Prometheus eval of one overview tick ms (query log evalTotalTime)",
    ({ m }) => ms(m.calls?.latency.promEval),
    ({ m }) => num(m.calls?.latency.promEval?.median),
  );
  row("  /services warm ms", ({ m }) => ms(m.calls?.latency.warm));
  row("  Prometheus direct, same queries ms", ({ m }) => ms(m.calls?.latency.direct));
  row("  Prometheus direct, all rounds ms (failed batches)", ({ m }) =>
    m.calls ? `${ms(m.calls.directAllMs)} (${m.calls.directFailures})` : na,
  );
  row("  overhead cold / direct (medians; paired)", ({ m }) =>
    m.calls ? `${ratio(m.calls.latency.overheadCold)}; ${ratio(m.calls.latency.overheadColdPairedMedian)}` : na,
  );
  const slos = (m: ModeResult) => m.calls?.perCall.slos;
  row(
    "**10** /slos cold ms (SLOs answered)",
    ({ s, m }) => {
      const x = slos(m);
      if (!x) return `${na} (HTTP ${s.slosRouteStatus})`;
      return `${ms(x.latency.cold)} (${x.returned ?? na})`;
    },
    ({ m }) => num(slos(m)?.latency.cold?.median),
  );
  row("  /slos cold calls by outcome; all of them ms", ({ m }) => {
    const x = slos(m);
    return x ? `${outcomesText(x.outcomes)}; ${ms(x.coldAllMs)}` : na;
  });
  row(
    "  /slos Prometheus eval ms (query log evalTotalTime)",
    ({ m }) => ms(slos(m)?.latency.promEval),
    ({ m }) => num(slos(m)?.latency.promEval?.median),
  );
  row("  /slos warm ms", ({ m }) => ms(slos(m)?.latency.warm));
  row(
    "  PromQL per /slos cold call, bucket-boundaries question aside (metrics / log)",
    ({ m }) => {
      const x = slos(m);
      return x ? `${count(x.promqlWithoutAside)} / ${count(x.queryLogWithoutAside)}` : na;
    },
    ({ m }) => num(slos(m)?.promqlWithoutAside?.median),
  );
  row("  + the bucket-boundaries question (about now, cached 5 min): cold calls' intervals holding it", ({ m }) => {
    const x = slos(m);
    return x ? `${x.asideCalls} of ${x.queryLog?.n ?? 0}` : na;
  });
  row("  /slos metadata per cold call; PromQL of the warm repeat", ({ m }) => {
    const x = slos(m);
    return x ? `${count(x.metadata)}; ${count(x.warmPromql)}` : na;
  });
  const rowsCell = (x: RowsResult | undefined) => {
    if (!x) return na;
    return x.firstRow ? ms(x.firstRow) : `${na}: ${x.note ?? ""}`;
  };
  row(
    "**4** overview first row, cold (after the quiet spell) ms",
    ({ m }) => rowsCell(m.rowsCold),
    ({ m }) => num(m.rowsCold?.firstRow?.median),
  );
  row("  overview: screenful of rows settled ms", ({ m }) => ms(m.rowsCold?.viewportRows));
  row(
    "  overview first row while another viewer watches ms",
    ({ m }) => rowsCell(m.rowsWatched),
    ({ m }) => num(m.rowsWatched?.firstRow?.median),
  );
  row(
    "  live /services right after a slot begins, while watched ms",
    ({ m }) => ms(m.watched?.firstRequest),
    ({ m }) => num(m.watched?.firstRequest?.median),
  );
  row("  watcher polls (failed), latency ms", ({ m }) =>
    m.watched ? `${m.watched.watcherPolls} (${m.watched.watcherFailed}), ${ms(m.watched.watcherLatency)}` : na,
  );
  row("**5** wrk responses/s (2xx/s)", ({ m }) =>
    m.load ? `${m.load.requestsPerSecond.toFixed(0)} (${m.load.okPerSecond.toFixed(0)})` : na,
  );
  row(
    "  wrk p50 / p95 ms",
    ({ m }) => {
      if (!m.load) return na;
      // wrk records no latency for responses after its timeout.
      if (m.load.latencyMs.max === 0) return `all > ${m.load.timeoutSeconds} s`;
      return `${m.load.latencyMs.p50.toFixed(1)} / ${m.load.latencyMs.p95.toFixed(1)}`;
    },
    ({ m }) => (m.load && m.load.latencyMs.max > 0 ? m.load.latencyMs.p95 : null),
  );
  row("  non-2xx / slower than timeout / socket errors", ({ m }) => {
    if (!m.load) return na;
    const e = m.load.socketErrors;
    return `${m.load.non2xx} / ${e.timeout} / ${e.connect + e.read + e.write}`;
  });
  row(
    "  dashboard RSS MiB before → after (peak)",
    ({ m }) => {
      const x = m.load?.rssMiB;
      if (!x) return na;
      const f = (v: number | null) => (v === null ? na : v.toFixed(0));
      return `${f(x.before)} → ${f(x.after)} (${f(x.peak)})`;
    },
    ({ m }) => num(m.load?.rssMiB.peak),
  );
  row("  dashboard CPU s during wrk (ms per response)", ({ m }) => {
    const l = m.load;
    if (!l || l.dashboardCpuSeconds == null) return na;
    return `${l.dashboardCpuSeconds.toFixed(1)} (${l.dashboardCpuMsPerRequest != null ? l.dashboardCpuMsPerRequest.toFixed(1) : na})`;
  });
  row("  machine load average (1 min) after wrk", ({ m }) => (m.load ? m.load.loadAverage.toFixed(1) : na));
  row(
    "**7** sparklines (series=only), cold ms",
    ({ m }) =>
      m.sparklines ? `${ms(m.sparklines.latency)}${m.sparklines.failed ? `, ${m.sparklines.failed} failed` : ""}` : na,
    ({ m }) => num(m.sparklines?.latency?.median),
  );
  row(
    "  sparklines: Prometheus eval ms",
    ({ m }) => ms(m.sparklines?.promEval),
    ({ m }) => num(m.sparklines?.promEval?.median),
  );
  row("**8** no viewer: upstream PromQL in the window (log, both dashboards)", ({ m }) =>
    m.idle
      ? `${promqlCount(m.idle.idle)} (${m.idle.idle.queryLog}) in ${m.idle.windowSeconds} s, ${m.idle.quietBeforeSeconds.toFixed(0)} s after the last request`
      : na,
  );
  row("  while the warm ticks ran out (end of watching → window)", ({ m }) =>
    m.idle?.settling ? `${promqlCount(m.idle.settling)} PromQL` : na,
  );
  return markdown(head, rows);
}

/** The recording rules' own cost, per size: what each evaluation takes Prometheus, beside the saving per overview tick. */
