import { TimeChart, type ChartSeries } from "@/components/charts/TimeChart";
import { Panel, panelStatus } from "@/components/states/Panel";
import type { Points } from "@/lib/model/types";
import { hasValues, seriesKey, toChartRows } from "@/lib/ui/chart-rows";
import { GRAPH_HEIGHT, PANEL_BODY_HEIGHT, SYNC_ID, type GraphFrame } from "@/components/detail/graph-frame";

export interface SeriesLine {
  name: string;
  points: Points;
  color: string;
  dashed?: boolean;
}

export interface SeriesPanelProps {
  title: string;
  frame: GraphFrame;
  lines: readonly SeriesLine[];
  kind?: "line" | "stacked-area";
  unit: string;
  /** Top of the y axis in `unit`, shared with the panels this one is compared with; default: fit the data. */
  yMax?: number | null;
  /** Converts API values to the unit on the axis (ratio → %, s → ms). */
  scale?: (v: number) => number;
  formatTick: (v: number) => string;
  formatValue: (v: number) => string;
  emptyText?: string;
}

/** One signal over the range as a panel: states from the frame, a chart from the lines. */
export function SeriesPanel({
  title,
  frame,
  lines,
  kind = "line",
  unit,
  yMax,
  scale,
  formatTick,
  formatValue,
  emptyText,
}: SeriesPanelProps) {
  const points = lines.map((l) => l.points);
  const status = panelStatus(frame.loading, hasValues(points));
  const series: ChartSeries[] = lines.map((l, i) => ({
    key: seriesKey(i),
    name: l.name,
    color: l.color,
    dashed: l.dashed,
  }));
  return (
    <Panel title={title} status={status} stale={frame.stale} height={PANEL_BODY_HEIGHT} emptyText={emptyText}>
      <TimeChart
        rows={toChartRows(points, scale, frame.step)}
        series={series}
        kind={kind}
        domain={frame.domain}
        tz={frame.tz}
        unit={unit}
        yMax={yMax}
        formatTick={formatTick}
        formatValue={formatValue}
        marker={frame.marker}
        height={GRAPH_HEIGHT}
        label={`${title}, ${unit}, over the range`}
        syncId={SYNC_ID}
      />
    </Panel>
  );
}
