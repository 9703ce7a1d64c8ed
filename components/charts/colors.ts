// Chart colours by meaning, as references to the theme's CSS variables: components never hold a hex value.
export const SERIES_COLORS = {
  rate: "var(--series-rate)",
  error: "var(--series-error)",
  p50: "var(--series-p50)",
  p90: "var(--series-p90)",
  p99: "var(--series-p99)",
  failure: "var(--series-fail)",
  other: "var(--series-other)",
} as const;

const BREAKDOWN_PALETTE = 8;

/** The colour of the i-th line of a breakdown; "others" is always grey. */
export function breakdownColor(i: number, name: string): string {
  return name === "others" ? SERIES_COLORS.other : `var(--series-${(i % BREAKDOWN_PALETTE) + 1})`;
}

/** Status classes keep the colours people already read them in: 2xx ok, 4xx amber, 5xx red. */
export function statusClassColor(name: string, i: number): string {
  if (name === "2xx") return "var(--status-ok)";
  if (name === "3xx") return "var(--series-1)";
  if (name === "4xx") return "var(--status-degraded)";
  if (name === "5xx") return "var(--status-failing)";
  return breakdownColor(i + 3, name);
}
