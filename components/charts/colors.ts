import { statusLines, type StatusMeaning } from "@/lib/ui/http-status-colors";

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

// One colour per meaning (lib/ui/http-status-colors), the same on every chart; the theme keeps them colour-blind safe.
const STATUS_COLORS: Record<StatusMeaning, string> = {
  success: "var(--status-success)",
  neutral: "var(--status-neutral)",
  "client-error": "var(--status-client-error)",
  "server-error": "var(--status-server-error)",
  unknown: "var(--series-other)",
};

/** Colour and dashes of each status code or class in a list: by meaning (5xx red-orange, 4xx amber, 2xx calm), never by position. */
export function statusStyles(statuses: readonly string[]): { color: string; dashed: boolean }[] {
  return statusLines(statuses).map((l) => ({ color: STATUS_COLORS[l.meaning], dashed: l.dashed }));
}
