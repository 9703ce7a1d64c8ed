import { SeverityBadge } from "@/components/alerts/SeverityBadge";
import type { AlertSummary } from "@/lib/model/alert-types";
import { alertGroups } from "@/lib/ui/alert-groups";
import { alertsTooltip } from "@/lib/ui/alerts";
import styles from "./services.module.css";

export interface TvAlertBadgesProps {
  /** The alerts naming one service; nothing is drawn for none. */
  alerts: readonly AlertSummary[];
}

/**
 * One badge per level and state, each saying what it counts ("1 critical firing", "1 warning pending"):
 * read from across a room, a single "critical ×2" was taken for two critical alerts. Pending badges are
 * also hollow and dashed. The badges wrap under the name rather than being cut.
 */
export function TvAlertBadges({ alerts }: TvAlertBadgesProps) {
  const groups = alertGroups(alerts);
  if (groups.length === 0) return null;
  return (
    <span className={styles.rowAlerts} title={alertsTooltip(alerts)}>
      {groups.map((g) => (
        <SeverityBadge key={`${g.state}-${g.level}`} level={g.level} pending={g.state === "pending"}>
          {g.text}
        </SeverityBadge>
      ))}
    </span>
  );
}
