import type { RawSample } from "./types";

/**
 * The one place where Prometheus's string samples become numbers. `NaN` and `±Inf` (0/0 ratios,
 * quantiles of empty histograms) become null: JSON has no such numbers and a chart should leave a gap.
 */
export function sampleValue(raw: string): number | null {
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** A raw sample as [unix seconds, number | null]. */
export function toPoint(sample: RawSample): [number, number | null] {
  return [sample[0], sampleValue(sample[1])];
}
