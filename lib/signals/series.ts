import type { Points, Values } from "@/lib/model/types";
import type { QueryRange } from "@/lib/time/range";

/** Number of points in an aligned range, both ends included. */
export function pointCount(r: QueryRange): number {
  return Math.floor((r.end - r.start) / r.step) + 1;
}

/** Significant digits kept in sparklines: exact enough for a small line, a third of the bytes at 2,000 services. */
const SPARKLINE_DIGITS = 4;

/** Places points on the range's grid; missing points are null, so charts show gaps, not zeros. */
export function toValues(points: Points, r: QueryRange): Values {
  const out: Values = new Array(pointCount(r)).fill(null);
  for (const [t, v] of points) {
    const i = Math.round((t - r.start) / r.step);
    if (i >= 0 && i < out.length) out[i] = v === null ? null : Number(v.toPrecision(SPARKLINE_DIGITS));
  }
  return out;
}

/** The mean of the non-null values, or null when there are none. */
export function meanOf(points: Points): number | null {
  let sum = 0;
  let n = 0;
  for (const [, v] of points) {
    if (v !== null) {
      sum += v;
      n++;
    }
  }
  return n ? sum / n : null;
}

/**
 * Keeps the `top` series with the most traffic (by mean) and sums the rest point by point into
 * "others", so a breakdown never has an unbounded number of lines.
 */
export function topWithOthers(
  series: { name: string; points: Points }[],
  top: number,
): { name: string; points: Points }[] {
  if (series.length <= top + 1) return [...series].sort((a, b) => (meanOf(b.points) ?? 0) - (meanOf(a.points) ?? 0));
  const ranked = [...series].sort((a, b) => (meanOf(b.points) ?? 0) - (meanOf(a.points) ?? 0));
  const kept = ranked.slice(0, top);
  const sums = new Map<number, number>();
  for (const s of ranked.slice(top)) {
    for (const [t, v] of s.points) if (v !== null) sums.set(t, (sums.get(t) ?? 0) + v);
  }
  const others: Points = [...sums.entries()].sort((a, b) => a[0] - b[0]);
  return [...kept, { name: "others", points: others }];
}
