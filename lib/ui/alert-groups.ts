// A service's alerts counted by what a badge can say in words: level and state together.
import type { AlertSummary } from "@/lib/model/alert-types";
import { SEVERITY_LEVELS, severityLevel, type SeverityLevel } from "./alerts";

export interface AlertGroup {
  level: SeverityLevel;
  state: AlertSummary["state"];
  count: number;
  /** What the badge says: "2 critical firing", "1 warning pending". */
  text: string;
}

/**
 * The alerts counted per level and state, firing before pending and worst level first, so one badge
 * never counts alerts of another level or state under its own word ("critical ×2" for one critical
 * and one pending warning).
 */
export function alertGroups(alerts: readonly Pick<AlertSummary, "severity" | "state">[]): AlertGroup[] {
  const groups: AlertGroup[] = [];
  for (const state of ["firing", "pending"] as const) {
    for (const level of SEVERITY_LEVELS) {
      const count = alerts.filter((a) => a.state === state && severityLevel(a.severity) === level).length;
      if (count > 0) groups.push({ level, state, count, text: `${count} ${level} ${state}` });
    }
  }
  return groups;
}
