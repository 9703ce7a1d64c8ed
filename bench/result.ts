// The bench's result (kept whole in bench/results/*.json) and the small formatting helpers its
// tables share (report.ts, main-table.ts, goals.ts).
import type { CallsResult } from "./calls";
import type { PageJs } from "./browser";
import type { LoadResult } from "./load";
import type { Mode, Sources } from "./modes";
import type { RowsResult } from "./row-timing";
import type { RulesCost } from "./rules-cost";
import type { SparklinesResult } from "./sparklines";
import { fmt, type Summary } from "./stats";
import type { TvSoakResult } from "./tv-soak";
import type { UpstreamStats } from "./upstream";
import type { ViewersResult } from "./viewers";
import type { WatchedResult, IdleResult } from "./watch";

export interface ModeResult {
  mode: Mode;
  viewers: ViewersResult[];
  calls?: CallsResult;
  sparklines?: SparklinesResult;
  /** The live current values while another viewer watches (API), and the watcher's own polls. */
  watched?: WatchedResult;
  /** Overview page loads while another viewer watches. */
  rowsWatched?: RowsResult;
  /** Overview page loads, each the first viewer after a quiet spell longer than the keep-warm time. */
  rowsCold?: RowsResult;
  idle?: IdleResult;
  load?: LoadResult;
}

export interface SizeResult {
  services: number;
  nodes: number;
  upstream: UpstreamStats;
  nodesRouteStatus: number;
  slosRouteStatus: number;
  tvStatus: number;
  /** The rule file Prometheus loaded: its groups and rule count. */
  ruleFile: { groups: string[]; rules: number };
  rules?: RulesCost;
  modes: Partial<Record<Mode, ModeResult>>;
  notes: string[];
}
import type { SourcesCaseResult } from "./sources";

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
  /** `--only sources`: one source against three on the same Prometheus (bench/sources.ts). */
  sourcesCase?: SourcesCaseResult[];
  notes: string[];
  processesLeft: number;
}

export const na = "n/a";
export const ms = (s: Summary | null | undefined) => fmt(s, 0);
export const ratio = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? na : `${x.toFixed(digits)}×`;
export const num = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

/** "5× 200, 1× 504 upstream_timeout" */
export const outcomesText = (outcomes: Record<string, number>) =>
  Object.entries(outcomes)
    .map(([k, v]) => `${v}× ${k}`)
    .join(", ");

/** Every failed exchange wrk saw: non-2xx answers, and connect, read, write and timeout errors. */
export const errorsOf = (l: LoadResult) => {
  const e = l.socketErrors;
  return l.non2xx + e.connect + e.read + e.write + e.timeout;
};

/** The second viewer's first requests by the `source` they reported. */
export function firstSources(w: WatchedResult): Sources {
  const s: Sources = {};
  for (const r of w.firstRequests) if (r.status === 200) s[r.source] = (s[r.source] ?? 0) + 1;
  return s;
}

export function markdown(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
