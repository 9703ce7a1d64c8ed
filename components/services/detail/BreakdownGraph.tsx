import { breakdownColor } from "@/components/charts/colors";
import type { NamedSeries } from "@/lib/api/types";
import { formatNumber, formatRate } from "@/lib/ui/format";
import { SeriesPanel } from "./SeriesPanel";
import type { GraphFrame } from "./graph-frame";

export interface BreakdownGraphProps {
  frame: GraphFrame;
  title: string;
  series: readonly NamedSeries[];
}

/** Request rate of the top routes, codes or instances, the rest summed as "others". */
export function BreakdownGraph({ frame, title, series }: BreakdownGraphProps) {
  const lines = series.map((s, i) => ({ name: s.name, points: s.points, color: breakdownColor(i, s.name), dashed: i >= 8 && s.name !== "others" }));
  return <SeriesPanel title={title} frame={frame} lines={lines} unit="req/s" formatTick={formatNumber} formatValue={formatRate} />;
}
