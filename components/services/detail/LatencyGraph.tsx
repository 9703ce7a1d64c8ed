import { SERIES_COLORS } from "@/components/charts/colors";
import type { Points } from "@/lib/model/types";
import { formatNumber, formatSeconds, inUnit } from "@/lib/ui/format";
import type { LatencyScale } from "@/lib/ui/latency-scale";
import { SeriesPanel } from "./SeriesPanel";
import type { GraphFrame } from "@/components/detail/graph-frame";

export interface LatencyGraphProps {
  frame: GraphFrame;
  /** "all" where the convention cannot tell successes from failures (`latencyByOutcome` false). */
  outcome: "success" | "failure" | "all";
  /** False where the convention does not measure this outcome: the panel says so instead of "no requests". */
  measured?: boolean;
  quantiles: { p50: Points; p90: Points; p99: Points };
  /** Unit and y-axis top, shared with the other outcome's panel so the two compare at a glance. */
  scale: LatencyScale;
}

const TITLE = {
  success: "Latency of successful requests",
  failure: "Latency of failed requests",
  all: "Latency of all requests",
} as const;
const EMPTY = {
  success: "No successful requests in this range",
  failure: "No failed requests in this range",
  all: "No requests in this range",
} as const;

/** p50/p90/p99 of successful, failed or all requests; failed ones are dashed, here as on the overview. */
export function LatencyGraph({ frame, outcome, quantiles, scale, measured = true }: LatencyGraphProps) {
  const failed = outcome === "failure";
  const lines = (["p50", "p90", "p99"] as const).map((q) => ({
    name: q,
    points: quantiles[q],
    color: SERIES_COLORS[q],
    dashed: failed,
  }));
  const unit = scale.unit;
  return (
    <SeriesPanel
      title={TITLE[outcome]}
      frame={frame}
      lines={lines}
      unit={unit}
      yMax={scale.max}
      scale={(v) => inUnit(v, unit)}
      formatTick={formatNumber}
      formatValue={(v) => formatSeconds(unit === "ms" ? v / 1000 : v)}
      emptyText={measured ? EMPTY[outcome] : "Not measured: this convention's duration histogram has no status label"}
    />
  );
}
