import type { Points } from "@/lib/model/types";
import { maxValue } from "./chart-rows";
import { inUnit, latencyUnit, type LatencyUnit } from "./format";

export interface LatencyScale {
  unit: LatencyUnit;
  /** Top of the y axis in `unit`; null when no panel has a value (each then draws its empty state). */
  max: number | null;
}

/**
 * One unit and one y-axis top for latency panels read side by side (successful beside failed
 * requests): each panel picking its own would put 1.2 s beside 300 ms, or draw 50 ms as tall as 2 s.
 */
export function sharedLatencyScale(panels: readonly { p50: Points; p90: Points; p99: Points }[]): LatencyScale {
  const max = maxValue(panels.flatMap((q) => [q.p50, q.p90, q.p99]));
  const unit = latencyUnit(max);
  return { unit, max: max > 0 ? niceCeiling(inUnit(max, unit)) : null };
}

// Tops an axis can end on, per power of ten: round enough for even ticks, close enough to waste little height.
const NICE_TOPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest nice number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) at or above `v` > 0. */
export function niceCeiling(v: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(v));
  const top = NICE_TOPS.find((n) => n * magnitude >= v * (1 - 1e-9)) ?? 10;
  // Rounded to the magnitude's precision: 1.2 * 0.1 is 0.12000000000000001 in floating point.
  return Number((top * magnitude).toPrecision(12));
}
