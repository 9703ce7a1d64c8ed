// Units of the node views. Network rates in SI (kB/s), as links are rated; sizes in IEC (GiB), as
// Kubernetes quotes memory. Value and unit are joined by a no-break space, as in format.ts.
import { NO_VALUE, formatAge, formatNumber } from "./format";

const NBSP = "\u00a0";

function scaled(v: number, base: number, units: readonly string[]): string {
  let i = 0;
  let x = v;
  while (Math.abs(x) >= base && i < units.length - 1) {
    x /= base;
    i++;
  }
  return `${formatNumber(x)}${NBSP}${units[i]}`;
}

/** Bytes per second in SI units: `800 B/s`, `1.2 kB/s`, `45 MB/s`. */
export function formatBytesPerSecond(v: number | null): string {
  return v === null ? NO_VALUE : scaled(v, 1000, ["B/s", "kB/s", "MB/s", "GB/s", "TB/s"]);
}

/** A size in IEC units: `512 MiB`, `23 GiB`. */
export function formatBytes(v: number | null): string {
  return v === null ? NO_VALUE : scaled(v, 1024, ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]);
}

/** A count per second with its unit: `12 faults/s`, `0.5 errors/s`, `0.02 s/s`. */
export function formatPerSecond(v: number | null, unit: string): string {
  return v === null ? NO_VALUE : `${formatNumber(v)}${NBSP}${unit}/s`;
}

/** 1-minute load average divided by the CPU count: `1.39 load/CPU`. */
export function formatLoadPerCpu(v: number | null): string {
  return v === null ? NO_VALUE : `${formatNumber(v)}${NBSP}load/CPU`;
}

/** CPU cores: `0.5 cores`, `1 core`. */
export function formatCores(v: number | null): string {
  if (v === null) return NO_VALUE;
  return `${formatNumber(v)}${NBSP}${v === 1 ? "core" : "cores"}`;
}

/** When a filesystem fills at its recent rate: `in 53 d`; `not filling` when free space is not falling. */
export function formatTimeToFull(seconds: number | null): string {
  return seconds === null ? "not filling" : `in ${formatAge(seconds)}`;
}

/**
 * The configured node_exporter selector as PromQL matchers: `job="node", cluster="eu-1"`. JSON's
 * string quoting escapes `"` and `\` as PromQL's does, which is all a displayed value needs.
 */
export function formatNodeSelector(selector: Readonly<Record<string, string>>): string {
  return Object.entries(selector)
    .map(([label, value]) => `${label}=${JSON.stringify(value)}`)
    .join(", ");
}
