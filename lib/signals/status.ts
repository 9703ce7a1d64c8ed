import type { Thresholds } from "@/lib/config/schema";

/** Worst first: the order in which the overview sorts by default. */
export const STATUS_ORDER = ["down", "failing", "degraded", "idle", "ok"] as const;
export type ServiceStatus = (typeof STATUS_ORDER)[number];

export interface StatusInput {
  requestRate: number | null;
  errorRatio: number | null;
  p99: number | null;
  instances: { up: number; total: number } | null;
}

export interface StatusVerdict {
  status: ServiceStatus;
  /** Why, in words a person reads on the row: "error ratio 12.0 % ≥ 5 %". */
  reasons: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
const ms = (s: number) => (s >= 1 ? `${s.toFixed(2)} s` : `${Math.round(s * 1000)} ms`);

/** ok / degraded / failing from the error ratio and p99 against thresholds; down when no instance answers. */
export function classifyService(s: StatusInput, t: Thresholds): StatusVerdict {
  if (s.instances && s.instances.total > 0 && s.instances.up === 0) {
    return { status: "down", reasons: [`all ${s.instances.total} instances down`] };
  }
  const reasons: string[] = [];
  let level = 0;
  const check = (value: number | null, th: { degraded: number; failing: number }, label: string, fmt: (x: number) => string) => {
    if (value === null) return;
    if (value >= th.failing) {
      level = Math.max(level, 2);
      reasons.push(`${label} ${fmt(value)} ≥ ${fmt(th.failing)}`);
    } else if (value >= th.degraded) {
      level = Math.max(level, 1);
      reasons.push(`${label} ${fmt(value)} ≥ ${fmt(th.degraded)}`);
    }
  };
  check(s.errorRatio, t.errorRatio, "error ratio", pct);
  check(s.p99, t.p99Seconds, "p99", ms);
  if (s.instances && s.instances.up < s.instances.total) {
    level = Math.max(level, 1);
    reasons.push(`${s.instances.total - s.instances.up} of ${s.instances.total} instances down`);
  }
  if (level === 2) return { status: "failing", reasons };
  if (level === 1) return { status: "degraded", reasons };
  if (!s.requestRate) return { status: "idle", reasons: ["no requests"] };
  return { status: "ok", reasons };
}

/** Compares statuses worst first. */
export function compareStatus(a: ServiceStatus, b: ServiceStatus): number {
  return STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b);
}

/** What worst-first ordering needs to know of a service. */
export interface Rankable {
  name: string;
  status: ServiceStatus;
  errorRatio: number | null;
  latency: { p99: number | null };
}

/** Larger first; missing values last either way: a service with no traffic is not "the fewest errors". */
export function descNullsLast(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return b - a;
}

/** Worst first: by status, then the highest error ratio, then the slowest p99, then by name. */
export function compareWorstFirst(a: Rankable, b: Rankable): number {
  return compareStatus(a.status, b.status) || descNullsLast(a.errorRatio, b.errorRatio) || descNullsLast(a.latency.p99, b.latency.p99) || a.name.localeCompare(b.name);
}
