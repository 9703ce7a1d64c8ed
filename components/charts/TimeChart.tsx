"use client";

import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from "recharts";
import type { ChartRow } from "@/lib/ui/chart-rows";
import { axisTimeStyle, formatTime, intlZone, timeTicks } from "@/lib/ui/time-format";
import type { TimeZoneMode } from "@/lib/ui/url-state";
import { ChartLegend } from "./ChartLegend";
import { ChartTooltip } from "./ChartTooltip";
import styles from "./charts.module.css";

export interface ChartSeries {
  /** The row key (`s0`, `s1`, …). */
  key: string;
  name: string;
  /** A CSS colour from the theme. */
  color: string;
  dashed?: boolean;
}

/** A labelled line across the chart: an objective (`y`, in the axis's unit) or an instant (`x`, unix seconds). */
export interface ChartReference {
  x?: number;
  y?: number;
  label: string;
}

export interface TimeChartProps {
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  kind: "line" | "stacked-area";
  /** x domain in unix seconds: the requested range, so gaps at its ends stay visible. */
  domain: [number, number];
  tz: TimeZoneMode;
  /** The y unit, written above the axis: "req/s", "%", "ms". */
  unit: string;
  /** Top of the y axis, for charts that must share one scale; by default it fits the data. */
  yMax?: number | null;
  /** The whole y range, for a chart whose interesting part is far from 0 (an SLI at 99.9 %); wins over yMax. */
  yDomain?: [number, number];
  /** The y ticks, where the chart's own round numbers would not land on the values that matter. */
  yTicks?: readonly number[];
  references?: readonly ChartReference[];
  formatTick: (v: number) => string;
  formatValue: (v: number) => string;
  /** A vertical marker (the `at` of an incident link), unix seconds. */
  marker?: number | null;
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
  /** Charts with the same id move their cursors together. */
  syncId?: string;
}

// Minutes of the local zone east of UTC at time t, so ticks land on whole local hours.
function offsetSeconds(tz: TimeZoneMode, t: number): number {
  return tz === "UTC" ? 0 : -new Date(t * 1000).getTimezoneOffset() * 60;
}

const AXIS_TICK = { fill: "var(--fg-muted)", fontSize: 11 };
const CHART_MARGIN = { top: 6, right: 12, bottom: 0, left: 0 };

/** What a series draws with as an area or as a line alike: straight segments, no animation (a poll must not replay it). */
const seriesProps = (s: ChartSeries) =>
  ({ type: "linear", dataKey: s.key, name: s.name, stroke: s.color, isAnimationActive: false }) as const;

// A point with gaps on both sides draws no line at all; a dot keeps it visible (failed requests are often that sparse).
function isolatedDot(rows: readonly ChartRow[], key: string, color: string) {
  function IsolatedDot({ index, cx, cy, value }: DotItemDotProps) {
    const alone = value != null && rows[index - 1]?.[key] == null && rows[index + 1]?.[key] == null;
    if (!alone || cx == null || cy == null) return <g key={index} />;
    return <circle key={index} cx={cx} cy={cy} r={2.5} fill={color} />;
  }
  return IsolatedDot;
}

/**
 * A time series chart over the range. Draws what it is given and fetches nothing. Recharts lessons:
 * no animation (a refresh every 10 s must not replay a tween), a debounced ResponsiveContainer, and
 * ticks computed once here rather than left to the number axis (which would put them at 08:23:20).
 */
export function TimeChart({
  rows,
  series,
  kind,
  domain,
  tz,
  unit,
  yMax,
  yDomain,
  yTicks,
  references = [],
  formatTick,
  formatValue,
  marker,
  height,
  label,
  syncId,
}: TimeChartProps) {
  const zone = intlZone(tz);
  const tickStyle = axisTimeStyle(domain[1] - domain[0]);
  const ticks = timeTicks(domain[0], domain[1], 6, offsetSeconds(tz, domain[0]));
  const data = rows as ChartRow[];
  const common = (
    <>
      <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        domain={domain}
        ticks={ticks}
        allowDataOverflow
        tickFormatter={(t: number) => formatTime(t, zone, tickStyle)}
        tick={AXIS_TICK}
        stroke="var(--border)"
      />
      <YAxis
        width={52}
        domain={yDomain ?? (yMax ? [0, yMax] : undefined)}
        allowDataOverflow={yDomain !== undefined}
        ticks={yTicks ? [...yTicks] : undefined}
        tickFormatter={formatTick}
        tick={AXIS_TICK}
        stroke="var(--border)"
        niceTicks="snap125"
      />
      <Tooltip
        isAnimationActive={false}
        cursor={{ stroke: "var(--fg-muted)", strokeDasharray: "3 3" }}
        content={(props) => <ChartTooltip content={props} series={series} zone={zone} formatValue={formatValue} />}
      />
      {references.map((r) => (
        <ReferenceLine
          key={r.label}
          x={r.x}
          y={r.y}
          stroke="var(--fg-muted)"
          strokeDasharray="2 2"
          label={{
            value: r.label,
            position: r.y === undefined ? "insideTopLeft" : "insideBottomRight",
            fill: "var(--fg-muted)",
            fontSize: 11,
          }}
        />
      ))}
      {/* The marker is named with its time, so assistive tech (and a test) can find the instant a link was about. */}
      {marker != null && (
        <ReferenceLine
          x={marker}
          role="img"
          aria-label={`at ${formatTime(marker, zone, tickStyle === "date-minute" ? "full" : "second")}`}
          stroke="var(--fg)"
          strokeDasharray="5 3"
          strokeWidth={1.5}
          label={{ value: "at", position: "insideTopRight", fill: "var(--fg)", fontSize: 11 }}
        />
      )}
    </>
  );
  const chart = { data, syncId, syncMethod: "value" as const, margin: CHART_MARGIN };
  return (
    <figure className={styles.figure} aria-label={label}>
      <div className={styles.chartTop}>
        <span className={styles.unit}>{unit}</span>
        <ChartLegend items={series} />
      </div>
      <ResponsiveContainer width="100%" height={height} debounce={150}>
        {kind === "stacked-area" ? (
          <AreaChart {...chart}>
            {common}
            {series.map((s) => (
              <Area
                key={s.key}
                {...seriesProps(s)}
                stackId="stack"
                fill={s.color}
                fillOpacity={0.35}
                strokeWidth={1.25}
              />
            ))}
          </AreaChart>
        ) : (
          <LineChart {...chart}>
            {common}
            {series.map((s) => (
              <Line
                key={s.key}
                {...seriesProps(s)}
                strokeWidth={1.75}
                strokeDasharray={s.dashed ? "6 3" : undefined}
                dot={isolatedDot(data, s.key, s.color)}
                activeDot={{ r: 3 }}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
