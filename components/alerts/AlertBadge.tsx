import type { AlertSummary } from "@/lib/model/alert-types";
import { alertGroups } from "@/lib/ui/alert-groups";
import { alertsTooltip, firstRunbook } from "@/lib/ui/alerts";
import { SeverityBadge } from "./SeverityBadge";
import styles from "./alerts.module.css";

export interface AlertBadgeProps {
  /** The alerts naming one service, most urgent first; nothing is drawn for none. */
  alerts: readonly AlertSummary[];
}

/**
 * A compact mark for a service row: one badge per level and state (colour, shape, word), each counting
 * only its own alerts, so one critical and one pending warning never read as "critical ×2"; each alert's
 * summary and time active in the tooltip and in the text a screen reader hears, and the runbook one click away.
 */
export function AlertBadge({ alerts }: AlertBadgeProps) {
  const groups = alertGroups(alerts);
  if (groups.length === 0) return null;
  const tooltip = alertsTooltip(alerts);
  const runbook = firstRunbook(alerts);
  return (
    <span className={styles.badgeGroup}>
      <span className={styles.badge} title={tooltip}>
        {groups.map((g) => (
          <SeverityBadge key={`${g.state}-${g.level}`} level={g.level} pending={g.state === "pending"}>
            {g.state === "pending" ? `pending ${g.level}` : g.level}
            {g.count > 1 && <span className={styles.count}>×{g.count}</span>}
          </SeverityBadge>
        ))}
        <span className="sr-only">
          {alerts.length === 1 ? " alert" : " alerts"}: {tooltip}
        </span>
      </span>
      {runbook && (
        <a
          className={styles.runbook}
          href={runbook.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Runbook for ${runbook.alert}`}
          title={`Runbook for ${runbook.alert}`}
        >
          Runbook
        </a>
      )}
    </span>
  );
}
