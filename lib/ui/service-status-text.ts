import type { ServiceStatus } from "@/lib/model/types";

/** A rate window as people say it: 60 → "1 min", 90 → "90 s", 3600 → "1 h". */
export function formatWindow(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * What a status verdict rests on, for its tooltip: the window it is evaluated over (long enough not
 * to flap, the same whatever the range) and that firing alerts count, then the reasons.
 */
export function statusTooltip(status: ServiceStatus, reasons: readonly string[], windowSeconds: number): string {
  const basis = `${status}: error ratio and p99 over the last ${formatWindow(windowSeconds)}, instances up, and firing alerts (a critical alert is failing, a warning degraded)`;
  return reasons.length ? `${basis}. Now: ${reasons.join("; ")}` : basis;
}
