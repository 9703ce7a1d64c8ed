// Numbers as an on-call engineer reads them: a value and its unit, never a bare float.
// A no-break space joins value and unit so a narrow column never wraps "12.5" away from "req/s".
const NBSP = "\u00a0";

/** Shown where there is no value at all (no requests, empty histogram): distinct from a real 0. */
export const NO_VALUE = "—";

// Rounds, then drops trailing zeros: 0.50 → "0.5", 2.00 → "2".
function trim(n: number, decimals: number): string {
  return String(Number(n.toFixed(decimals)));
}

/** A plain number with few significant digits: 0.52, 12.5, 1,234, 12.3k, 4.5M. */
export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs === 0) return "0";
  if (abs < 0.01) return n < 0 ? "−<0.01" : "<0.01";
  if (abs < 10) return trim(n, 2);
  if (abs < 100) return trim(n, 1);
  if (abs < 10_000) return Math.round(n).toLocaleString("en-US");
  if (abs < 1_000_000) return `${trim(n / 1000, abs < 100_000 ? 1 : 0)}k`;
  return `${trim(n / 1_000_000, 1)}M`;
}

/** Requests per second: `12.5 req/s`. */
export function formatRate(v: number | null): string {
  return v === null ? NO_VALUE : `${formatNumber(v)}${NBSP}req/s`;
}

/** A ratio 0..1 as a percentage: `0 %`, `0.12 %`, `4.5 %`, `37 %`. */
export function formatPercent(ratio: number | null): string {
  if (ratio === null) return NO_VALUE;
  const p = ratio * 100;
  if (p === 0) return `0${NBSP}%`;
  if (p < 0.01) return `<0.01${NBSP}%`;
  if (p < 1) return `${trim(p, 2)}${NBSP}%`;
  return `${trim(p, p < 10 ? 1 : 0)}${NBSP}%`;
}

export type LatencyUnit = "ms" | "s";

/** The unit that reads best for latencies up to `maxSeconds`: ms below a second, s from there. */
export function latencyUnit(maxSeconds: number): LatencyUnit {
  return maxSeconds >= 1 ? "s" : "ms";
}

/** Seconds in the given unit, as a number (for axes). */
export function inUnit(seconds: number, unit: LatencyUnit): number {
  return unit === "ms" ? seconds * 1000 : seconds;
}

/** A latency in seconds with the unit that suits it: `3.1 ms`, `480 ms`, `1.25 s`. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return NO_VALUE;
  if (seconds === 0) return `0${NBSP}ms`;
  if (seconds < 1) {
    const ms = seconds * 1000;
    return `${ms < 10 ? trim(ms, 1) : Math.round(ms)}${NBSP}ms`;
  }
  return `${trim(seconds, seconds < 10 ? 2 : 1)}${NBSP}s`;
}

/** An age or duration for people: `4 s`, `2 min`, `1 h 5 min`, `3 d`. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}${NBSP}s`;
  if (s < 3600) return `${Math.floor(s / 60)}${NBSP}min`;
  if (s < 86_400) {
    const m = Math.floor((s % 3600) / 60);
    const h = Math.floor(s / 3600);
    return m ? `${h}${NBSP}h ${m}${NBSP}min` : `${h}${NBSP}h`;
  }
  return `${Math.floor(s / 86_400)}${NBSP}d`;
}

/** `1 service`, `12 services`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
