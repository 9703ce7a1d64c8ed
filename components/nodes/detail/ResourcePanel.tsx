import { TimeChart, type ChartSeries } from "@/components/charts/TimeChart";
import { SYNC_ID, type GraphFrame } from "@/components/detail/graph-frame";
import { Panel, panelStatus } from "@/components/states/Panel";
import type { Points } from "@/lib/model/types";
import { hasValues, seriesKey, toChartRows } from "@/lib/ui/chart-rows";
import styles from "./node-detail.module.css";

export interface ResourceLine {
  name: string;
  points: Points;
  /** A CSS colour from the theme. */
  color: string;
  dashed?: boolean;
}

export interface ResourceChart {
  /** What the chart shows, e.g. "utilization" or "saturation (load per CPU)". */
  title: string;
  lines: readonly ResourceLine[];
  /** The unit on the axis: "%", "load/CPU", "faults/s". */
  unit: string;
  /** Converts API values to the axis unit (ratio → %). */
  scale?: (v: number) => number;
  formatTick: (v: number) => string;
  formatValue: (v: number) => string;
  height: number;
}

export interface ResourcePanelProps {
  title: string;
  frame: GraphFrame;
  /** Utilization above saturation: the two USE questions about one resource, on one time axis. */
  charts: readonly ResourceChart[];
  /** Body height, px, the same in every state. */
  height: number;
}

/** One resource over the range: a chart per signal, each with its own unit, sharing the range and cursor. */
export function ResourcePanel({ title, frame, charts, height }: ResourcePanelProps) {
  const any = charts.some((c) => hasValues(c.lines.map((l) => l.points)));
  const status = panelStatus(frame.loading, any);
  return (
    <Panel
      title={title}
      status={status}
      stale={frame.stale}
      height={height}
      emptyText={`No ${title.toLowerCase()} data for this node in this range`}
    >
      <div className={styles.charts}>
        {charts.map((c) => {
          const points = c.lines.map((l) => l.points);
          const label = `${title} ${c.title}, ${c.unit}, over the range`;
          if (!hasValues(points)) {
            return (
              <p key={c.title} className={styles.noSeries} style={{ height: c.height + 22 }}>
                No {c.title} data in this range
              </p>
            );
          }
          const series: ChartSeries[] = c.lines.map((l, i) => ({
            key: seriesKey(i),
            name: l.name,
            color: l.color,
            dashed: l.dashed,
          }));
          return (
            <TimeChart
              key={c.title}
              rows={toChartRows(points, c.scale, frame.step)}
              series={series}
              kind="line"
              domain={frame.domain}
              tz={frame.tz}
              unit={c.unit}
              formatTick={c.formatTick}
              formatValue={c.formatValue}
              marker={frame.marker}
              height={c.height}
              label={label}
              syncId={SYNC_ID}
            />
          );
        })}
      </div>
    </Panel>
  );
}
