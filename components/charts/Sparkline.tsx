import type { Values } from "@/lib/model/types";
import { maxOf, sparkSegments } from "@/lib/ui/sparkline";

export interface SparkSeries {
  values: Values;
  /** A CSS colour, from `SERIES_COLORS`. */
  color: string;
  dashed?: boolean;
}

export interface SparklineProps {
  series: readonly SparkSeries[];
  width: number;
  height: number;
  /** What the line shows, for screen readers: "Request rate over the range". */
  label: string;
}

/**
 * A few polylines in one shared 0…max scale. Contract: draws nothing (returns null) when no series
 * has two points, so the caller decides what an empty cell looks like. Plain SVG on purpose: 2,000
 * rows of these must stay cheap to render.
 */
export function Sparkline({ series, width, height, label }: SparklineProps) {
  const max = maxOf(series.map((s) => s.values));
  if (max === null) return null;
  const lines = series.map((s) => ({ ...s, segments: sparkSegments(s.values, width, height, max) }));
  if (lines.every((l) => l.segments.length === 0)) return null;
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {lines.map((l, i) =>
        l.segments.map((points, j) => (
          <polyline
            key={`${i}-${j}`}
            points={points}
            fill="none"
            stroke={l.color}
            strokeWidth={1.5}
            strokeDasharray={l.dashed ? "3 2" : undefined}
            strokeLinejoin="round"
          />
        )),
      )}
    </svg>
  );
}
