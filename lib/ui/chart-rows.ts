// Shapes API series into the rows Recharts draws: one row per timestamp, one key per series.
import type { Points } from "@/lib/model/types";

/** A chart row: `t` in unix seconds and `s0`, `s1`, … for the series, null where a series has no point. */
export type ChartRow = Record<string, number | null> & { t: number };

/**
 * The key of the i-th series. Indexed, not named: Recharts reads a dataKey with dots as a path,
 * and route or instance names ("10.0.0.7:9100") are full of dots.
 */
export function seriesKey(i: number): string {
  return `s${i}`;
}

/**
 * Merges series on their timestamps; `scale` converts values (e.g. ratio → %, s → ms). With `step`,
 * every missing step between the first and last point becomes a row of nulls: Prometheus leaves out
 * the points it has no data for, and without those rows a chart would draw a straight line across an outage.
 */
export function toChartRows(
  series: readonly Points[],
  scale: (v: number) => number = (v) => v,
  step?: number,
): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  series.forEach((points, i) => {
    for (const [t, v] of points) {
      let row = rows.get(t);
      if (!row) {
        row = { t } as ChartRow;
        rows.set(t, row);
      }
      row[seriesKey(i)] = v === null || !Number.isFinite(v) ? null : scale(v);
    }
  });
  if (step && step > 0 && rows.size > 1) {
    const times = [...rows.keys()];
    const last = Math.max(...times);
    for (let t = Math.min(...times); t < last; t += step) if (!rows.has(t)) rows.set(t, { t } as ChartRow);
  }
  const out = [...rows.values()].sort((a, b) => a.t - b.t);
  for (const row of out) for (let i = 0; i < series.length; i++) row[seriesKey(i)] ??= null;
  return out;
}

/** True when any series has a value: an empty chart says "no requests" instead of drawing a flat zero. */
export function hasValues(series: readonly Points[]): boolean {
  return series.some((points) => points.some(([, v]) => v !== null && Number.isFinite(v)));
}

/** The largest value across series, or 0. */
export function maxValue(series: readonly Points[]): number {
  let max = 0;
  for (const points of series) for (const [, v] of points) if (v !== null && Number.isFinite(v) && v > max) max = v;
  return max;
}
