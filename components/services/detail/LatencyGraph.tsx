import { SERIES_COLORS } from "@/components/charts/colors";
import type { Points } from "@/lib/model/types";
import { formatNumber, formatSeconds, inUnit } from "@/lib/ui/format";
import type { LatencyScale } from "@/lib/ui/latency-scale";
import { SeriesPanel } from "./SeriesPanel";
import type { GraphFrame } from "@/components/detail/graph-frame";

export interface LatencyGraphProps {
  frame: GraphFrame;
  outcome: "success" | "failure";
  quantiles: { p50: Points; p90: Points; p99: Points };
  /** Unit and y-axis top, shared with the other outcome's panel so the two compare at a glance. */
  scale: LatencyScale;
}

/** p50/p90/p99 of successful or of failed requests; failed ones are dashed, here as on the overview. */
export function LatencyGraph({ frame, outcome, quantiles, scale }: LatencyGraphProps) {
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
      title={failed ? "Latency of failed requests" : "Latency of successful requests"}
      frame={frame}
      lines={lines}
      unit={unit}
      yMax={scale.max}
      scale={(v) => inUnit(v, unit)}
      formatTick={formatNumber}
      formatValue={(v) => formatSeconds(unit === "ms" ? v / 1000 : v)}
      emptyText={failed ? "No failed requests in this range" : "No successful requests in this range"}
    />
  );
}
