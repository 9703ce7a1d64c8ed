import type { Points } from "@/lib/api/types";
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
  return { unit, max: max > 0 ? inUnit(max, unit) : null };
}
