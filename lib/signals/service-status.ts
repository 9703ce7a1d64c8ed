// A service's status (down, failing, degraded, idle, ok): the verdict from its values and alerts, and the worst-first order.
import type { Thresholds } from "@/lib/config/schema";
import type { ServiceStatus } from "@/lib/model/types";

/** An alert firing about a service at the instant of the verdict. */
export interface FiringAlert {
  name: string;
  severity: string;
}

export interface StatusInput {
  requestRate: number | null;
  errorRatio: number | null;
  p99: number | null;
  instances: { up: number; total: number } | null;
  /** Firing alerts of the service: the verdict is never milder than they are. */
  alerts?: readonly FiringAlert[];
}

export interface StatusVerdict {
  status: ServiceStatus;
  /** Why, in words a person reads on the row: "error ratio 12.0 % ≥ 5 %". */
  reasons: string[];
}

/** What a firing alert of each severity makes of a service at least: 2 failing, 1 degraded; others 0. */
const ALERT_LEVEL: Record<string, number> = { critical: 2, page: 2, error: 2, warning: 1 };

/** The level a firing alert imposes, and why, one reason per severity: "critical alert firing: InstanceDown". */
function alertVerdicts(alerts: readonly FiringAlert[]): { level: number; reason: string }[] {
  const names = new Map<string, Set<string>>();
  for (const a of alerts)
    if (ALERT_LEVEL[a.severity]) names.set(a.severity, (names.get(a.severity) ?? new Set()).add(a.name));
  return [...names]
    .map(([severity, set]) => ({
      level: ALERT_LEVEL[severity] ?? 0,
      reason: `${severity} alert firing: ${[...set].sort().join(", ")}`,
    }))
    .sort((a, b) => b.level - a.level);
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
const ms = (s: number) => (s >= 1 ? `${s.toFixed(2)} s` : `${Math.round(s * 1000)} ms`);

/**
 * ok / degraded / failing from the error ratio and p99 against thresholds and from the firing alerts
 * (a firing critical alert is failing, a warning degraded, whatever the numbers); down when no instance answers.
 */
export function classifyService(s: StatusInput, t: Thresholds): StatusVerdict {
  if (s.instances && s.instances.total > 0 && s.instances.up === 0) {
    return { status: "down", reasons: [`all ${s.instances.total} instances down`] };
  }
  const reasons: string[] = [];
  let level = 0;
  const check = (
    value: number | null,
    th: { degraded: number; failing: number },
    label: string,
    fmt: (x: number) => string,
  ) => {
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
  for (const a of alertVerdicts(s.alerts ?? [])) {
    level = Math.max(level, a.level);
    reasons.push(a.reason);
  }
  if (level === 2) return { status: "failing", reasons };
  if (level === 1) return { status: "degraded", reasons };
  if (!s.requestRate) return { status: "idle", reasons: ["no requests"] };
  return { status: "ok", reasons };
}
