// Geometry for the overview's sparklines: plain SVG polylines, because hundreds of rows of
// Recharts cost far more than the few numbers each row has to show.
import type { Values } from "@/lib/model/types";

/** The largest finite value across `series`, or null when none has a value. */
export function maxOf(series: readonly Values[]): number | null {
  let max: number | null = null;
  for (const values of series) {
    for (const v of values) if (v !== null && Number.isFinite(v) && (max === null || v > max)) max = v;
  }
  return max;
}

/** How many points of `values` hold a value. */
export function pointCount(values: Values): number {
  let n = 0;
  for (const v of values) if (v !== null && Number.isFinite(v)) n++;
  return n;
}

/**
 * `points` attributes for `<polyline>`, one per run of values between gaps (nulls stay gaps, never
 * zeros). The y axis starts at 0 so a quiet service does not look noisy; `max` is shared by the lines
 * of one sparkline so they compare. Runs of a single point are dropped: a line needs two.
 */
export function sparkSegments(values: Values, width: number, height: number, max: number, pad = 1): string[] {
  const n = values.length;
  if (n < 2) return [];
  const top = max > 0 ? max : 1;
  const dx = width / (n - 1);
  const usable = height - 2 * pad;
  const segments: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) segments.push(run.join(" "));
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return flush();
    const y = pad + usable * (1 - Math.min(v, top) / top);
    run.push(`${(i * dx).toFixed(1)},${y.toFixed(1)}`);
  });
  flush();
  return segments;
}
