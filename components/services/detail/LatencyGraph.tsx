import { SERIES_COLORS } from "@/components/charts/colors";
import type { Points } from "@/lib/api/types";
import { maxValue } from "@/lib/ui/chart-rows";
import { formatNumber, formatSeconds, inUnit, latencyUnit } from "@/lib/ui/format";
import { SeriesPanel } from "./SeriesPanel";
import type { GraphFrame } from "./graph-frame";

export interface LatencyGraphProps {
  frame: GraphFrame;
  outcome: "success" | "failure";
  quantiles: { p50: Points; p90: Points; p99: Points };
}

/** p50/p90/p99 of successful or of failed requests; failed ones are dashed, here as on the overview. */
export function LatencyGraph({ frame, outcome, quantiles }: LatencyGraphProps) {
  const failed = outcome === "failure";
  const lines = (["p50", "p90", "p99"] as const).map((q) => ({ name: q, points: quantiles[q], color: SERIES_COLORS[q], dashed: failed }));
  const unit = latencyUnit(maxValue(lines.map((l) => l.points)));
  return (
    <SeriesPanel
      title={failed ? "Latency of failed requests" : "Latency of successful requests"}
      frame={frame}
      lines={lines}
      unit={unit}
      scale={(v) => inUnit(v, unit)}
      formatTick={formatNumber}
      formatValue={(v) => formatSeconds(unit === "ms" ? v / 1000 : v)}
      emptyText={failed ? "No failed requests in this range" : "No successful requests in this range"}
    />
  );
}
