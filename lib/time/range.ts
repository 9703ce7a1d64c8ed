/** Prometheus refuses range queries of more than 11,000 points per series. */
export const PROMETHEUS_MAX_POINTS = 11_000;
/** Points per series we aim for: enough for a wide chart, cheap for the upstream. */
export const DEFAULT_MAX_POINTS = 300;
/** Screen pixels per point: a 900 px chart gets 300 points. */
const PIXELS_PER_POINT = 3;

// Steps a person can read on an axis; anything longer is a whole number of days.
const NICE_STEPS = [
  1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
];

export interface TimeRange {
  /** unix seconds */
  from: number;
  /** unix seconds */
  to: number;
}

export interface QueryRange {
  start: number;
  end: number;
  step: number;
}

/** The number of points a chart this many pixels wide needs, capped at DEFAULT_MAX_POINTS. */
export function pointsForWidth(widthPx: number | undefined): number {
  if (widthPx === undefined) return DEFAULT_MAX_POINTS;
  return Math.min(DEFAULT_MAX_POINTS, Math.max(2, Math.floor(widthPx / PIXELS_PER_POINT)));
}

/** The smallest readable step (never below `minStep`) that keeps the range within `points` points. */
export function stepFor(range: TimeRange, points: number, minStep = 1): number {
  const span = Math.max(0, range.to - range.from);
  const wanted = Math.max(minStep, span / Math.max(1, points), span / PROMETHEUS_MAX_POINTS, 1);
  const nice = NICE_STEPS.find((s) => s >= wanted);
  return nice ?? Math.ceil(wanted / 86_400) * 86_400;
}

/** Aligns start and end down to the step, so every viewer of the same range asks the same question. */
export function alignRange(range: TimeRange, step: number): QueryRange {
  const end = Math.floor(range.to / step) * step;
  const start = Math.min(end, Math.floor(range.from / step) * step);
  return { start, end, step };
}

/** Aligns an instant down to `granularity` seconds, so instant queries share cache entries. */
export function alignInstant(at: number, granularity: number): number {
  return Math.floor(at / granularity) * granularity;
}

/**
 * The rate() window for a step: at least one step plus a scrape, so consecutive points do not skip
 * samples, and never under the current values' window (itself at least four scrapes, so one missed
 * scrape does not empty it). So a sparkline ends on the value beside it, and its points can be read
 * from the rates signalboard records over that window.
 */
export function rateWindow(step: number, scrapeInterval: number, currentWindowSeconds: number): number {
  return Math.max(currentWindowSeconds, 4 * scrapeInterval, step + scrapeInterval);
}

/**
 * The rate() window of current values and of the status verdict: fixed whatever the chart's range,
 * so that the list and a detail page agree at the same instant, and long enough (the configured
 * window, never under four scrapes) that a low-traffic service's status does not flap.
 */
export function currentWindow(configuredSeconds: number, scrapeInterval: number): number {
  return Math.max(configuredSeconds, 4 * scrapeInterval);
}
