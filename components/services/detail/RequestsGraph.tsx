import { SERIES_COLORS, statusStyles } from "@/components/charts/colors";
import type { NamedSeries, Points } from "@/lib/model/types";
import { formatNumber, formatRate } from "@/lib/ui/format";
import { SeriesPanel } from "./SeriesPanel";
import type { GraphFrame } from "@/components/detail/graph-frame";

export interface RequestsGraphProps {
  frame: GraphFrame;
  byStatusClass: readonly NamedSeries[];
  total: Points;
}

/** Request rate stacked by status class (2xx, 4xx, 5xx…); the total when the status label is missing. */
export function RequestsGraph({ frame, byStatusClass, total }: RequestsGraphProps) {
  // Stacked areas are not dashed: each class has a meaning of its own, so the colour alone tells them apart.
  const styles = statusStyles(byStatusClass.map((s) => s.name));
  const lines = byStatusClass.length
    ? byStatusClass.map((s, i) => ({ name: s.name, points: s.points, color: styles[i]?.color ?? SERIES_COLORS.other }))
    : [{ name: "all", points: total, color: SERIES_COLORS.rate }];
  return (
    <SeriesPanel
      title="Request rate by status class"
      frame={frame}
      lines={lines}
      kind="stacked-area"
      unit="req/s"
      formatTick={formatNumber}
      formatValue={formatRate}
    />
  );
}
