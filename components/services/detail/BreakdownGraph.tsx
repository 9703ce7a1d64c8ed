import { breakdownColor, statusStyles } from "@/components/charts/colors";
import type { NamedSeries } from "@/lib/model/types";
import { formatNumber, formatRate } from "@/lib/ui/format";
import { SeriesPanel } from "./SeriesPanel";
import type { GraphFrame } from "@/components/detail/graph-frame";

export interface BreakdownGraphProps {
  frame: GraphFrame;
  title: string;
  series: readonly NamedSeries[];
  /** The series are status codes: coloured by what they mean, not by their rank. */
  byStatus?: boolean;
}

/** Request rate of the top routes, codes or instances, the rest summed as "others". */
export function BreakdownGraph({ frame, title, series, byStatus = false }: BreakdownGraphProps) {
  const statuses = byStatus ? statusStyles(series.map((s) => s.name)) : [];
  const lines = series.map((s, i) => ({
    name: s.name,
    points: s.points,
    ...(statuses[i] ?? { color: breakdownColor(i, s.name), dashed: i >= 8 && s.name !== "others" }),
  }));
  return (
    <SeriesPanel
      title={title}
      frame={frame}
      lines={lines}
      unit="req/s"
      formatTick={formatNumber}
      formatValue={formatRate}
    />
  );
}
