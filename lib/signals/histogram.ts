// Percentiles from summed classic-histogram buckets, computed here the way Prometheus's
// histogram_quantile does (promql/quantile.go, BucketQuantile). The overview asks Prometheus for
// `sum by (service, le) (rate(H_bucket[W]))` once per outcome and derives p50/p90/p99 of successful,
// failed and all requests from those two answers: PromQL has no shared subexpressions, so three
// `histogram_quantile` calls over three outcomes rated every bucket series nine times.
import type { Latency } from "@/lib/model/types";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import { QUANTILES } from "@/lib/promql/red";

/** A cumulative bucket: `count` observations were at most `le`. */
export interface Bucket {
  le: number;
  count: number;
}

/** The `le` label as Prometheus reads it (Go's ParseFloat: `+Inf`, `Inf`, `inf`, …); null when it is not a number. */
export function parseLe(le: string | undefined): number | null {
  if (le === undefined) return null;
  const s = le.trim();
  if (/^[+]?inf(inity)?$/i.test(s)) return Infinity;
  if (/^-inf(inity)?$/i.test(s)) return -Infinity;
  if (s === "") return null;
  const n = Number(s);
  return Number.isNaN(n) ? null : n;
}

/** Buckets of one group of series, counts of equal bounds added (as `sum by (le)` would). */
export function bucketsOf(series: readonly InstantSeries[]): Bucket[] {
  const byLe = new Map<number, number>();
  for (const s of series) {
    const le = parseLe(s.labels.le);
    if (le === null || s.value === null) continue;
    byLe.set(le, (byLe.get(le) ?? 0) + s.value);
  }
  return [...byLe.entries()].map(([le, count]) => ({ le, count }));
}

// Prometheus's tolerance for counts that differ only by floating-point error (smallDeltaTolerance).
const SMALL_DELTA = 1e-12;
const MIN_NORMAL = 2.2250738585072014e-308;

function almostEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < SMALL_DELTA * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < SMALL_DELTA;
}

/** Counts made non-decreasing, as Prometheus does for buckets that rate() left slightly out of order. */
function monotonic(sorted: Bucket[]): Bucket[] {
  const out = sorted.map((b) => ({ ...b }));
  let prev = out[0]?.count ?? 0;
  for (let i = 1; i < out.length; i++) {
    const b = out[i] as Bucket;
    if (b.count === prev) continue;
    if (almostEqual(prev, b.count) || b.count < prev) {
      b.count = prev;
      continue;
    }
    prev = b.count;
  }
  return out;
}

/**
 * The φ-quantile (0 ≤ φ ≤ 1) of a histogram, interpolated linearly inside the bucket it falls in.
 * null where Prometheus answers NaN: no `+Inf` bucket, fewer than two buckets, no observations.
 */
export function histogramQuantile(phi: number, buckets: readonly Bucket[]): number | null {
  if (Number.isNaN(phi)) return null;
  if (phi < 0) return -Infinity;
  if (phi > 1) return Infinity;
  const sorted = monotonic([...buckets].sort((a, b) => a.le - b.le));
  const last = sorted[sorted.length - 1];
  if (!last || last.le !== Infinity || sorted.length < 2) return null;
  const observations = last.count;
  if (!(observations > 0)) return null;
  let rank = phi * observations;
  let b = sorted.findIndex((x, i) => i < sorted.length - 1 && x.count >= rank);
  if (b === -1) b = sorted.length - 1;
  if (b === sorted.length - 1) return (sorted[sorted.length - 2] as Bucket).le;
  const bucket = sorted[b] as Bucket;
  if (b === 0 && bucket.le <= 0) return bucket.le;
  let start = 0;
  let count = bucket.count;
  if (b > 0) {
    const below = sorted[b - 1] as Bucket;
    start = below.le;
    count -= below.count;
    rank -= below.count;
  }
  return start + (bucket.le - start) * (rank / count);
}

/** Two histograms over the same observations' outcomes added bucket by bucket. */
export function addBuckets(a: readonly Bucket[], b: readonly Bucket[]): Bucket[] {
  const byLe = new Map<number, number>();
  for (const x of [...a, ...b]) byLe.set(x.le, (byLe.get(x.le) ?? 0) + x.count);
  return [...byLe.entries()].map(([le, count]) => ({ le, count }));
}

/** p50, p90 and p99 of a histogram, multiplied by `scale` (1/1000 for a milliseconds histogram). */
export function latencyOf(buckets: readonly Bucket[], scale = 1): Latency {
  const [p50, p90, p99] = QUANTILES.map((q) => {
    const v = histogramQuantile(q, buckets);
    return v === null || !Number.isFinite(v) ? null : v * scale;
  });
  return { p50: p50 ?? null, p90: p90 ?? null, p99: p99 ?? null };
}
