import { SERIES_COLORS } from "@/components/charts/colors";
import type { Points } from "@/lib/model/types";
import { formatNumber, formatPercent } from "@/lib/ui/format";
import { SeriesPanel } from "./SeriesPanel";
import type { GraphFrame } from "@/components/detail/graph-frame";

export interface ErrorsGraphProps {
  frame: GraphFrame;
  errorRatio: Points;
}

/** Failed / all requests, in %. */
export function ErrorsGraph({ frame, errorRatio }: ErrorsGraphProps) {
  return (
    <SeriesPanel
      title="Error ratio"
      frame={frame}
      lines={[{ name: "failed / all", points: errorRatio, color: SERIES_COLORS.error }]}
      unit="%"
      scale={(v) => v * 100}
      formatTick={formatNumber}
      formatValue={(v) => formatPercent(v / 100)}
    />
  );
}
