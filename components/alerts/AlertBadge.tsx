import type { AlertSummary } from "@/lib/api/alert-types";
import { alertCounts, alertsTooltip, firstRunbook, worstLevel } from "@/lib/ui/alerts";
import { SeverityBadge } from "./SeverityBadge";
import styles from "./alerts.module.css";

export interface AlertBadgeProps {
  /** The alerts naming one service, most urgent first; nothing is drawn for none. */
  alerts: readonly AlertSummary[];
  /** Show the most urgent alert's runbook as a link beside the badge (not on the wall screen: nothing there is clicked). */
  runbookLink?: boolean;
  /** Level alone, for tight rows: "pending" is then told by the hollow, dashed shape (and the tooltip and screen-reader text). */
  compact?: boolean;
}

/**
 * A compact mark for a service row: worst severity (colour, shape, word) and how many alerts, with each
 * alert's summary and time active in the tooltip and in the text a screen reader hears, and the runbook
 * one click away.
 */
export function AlertBadge({ alerts, runbookLink = true, compact = false }: AlertBadgeProps) {
  const level = worstLevel(alerts);
  if (level === null) return null;
  const { firing } = alertCounts(alerts);
  const tooltip = alertsTooltip(alerts);
  const runbook = runbookLink ? firstRunbook(alerts) : null;
  const count = alerts.length;
  return (
    <span className={styles.badgeGroup}>
      <span className={styles.badge} title={tooltip}>
        <SeverityBadge level={level} pending={firing === 0}>
          {firing === 0 && !compact ? `pending ${level}` : level}
          {count > 1 && <span className={styles.count}>×{count}</span>}
        </SeverityBadge>
        <span className="sr-only">
          {firing === 0 && compact ? " pending" : ""}
          {count === 1 ? " alert" : " alerts"}: {tooltip}
        </span>
      </span>
      {runbook && (
        <a className={styles.runbook} href={runbook.url} target="_blank" rel="noopener noreferrer" aria-label={`Runbook for ${runbook.alert}`} title={`Runbook for ${runbook.alert}`}>
          Runbook
        </a>
      )}
    </span>
  );
}
