import { memo } from "react";
import { SeverityIcon } from "@/components/alerts/SeverityBadge";
import { StatusIcon } from "@/components/services/StatusBadge";
import type { AlertSummary } from "@/lib/model/alert-types";
import type { ServiceSummary } from "@/lib/model/types";
import { alertCounts, worstLevel } from "@/lib/ui/alerts";
import { statusCounts } from "@/lib/ui/service-status-counts";
import styles from "./tv.module.css";

export interface TvSummaryProps {
  services: readonly ServiceSummary[] | null;
  alerts: readonly AlertSummary[] | null;
}

/** The whole picture in one line: services per status, worst first, and how many alerts fire. Memoised on both lists. */
export const TvSummary = memo(function TvSummary({ services, alerts }: TvSummaryProps) {
  const counts = statusCounts((services ?? []).map((s) => s.status));
  const level = alerts ? worstLevel(alerts) : null;
  const { firing } = alertCounts(alerts ?? []);
  return (
    <ul className={styles.summary} aria-label="Summary">
      {counts.map((c) => (
        <li key={c.status} className={styles.count} data-status={c.status}>
          <StatusIcon status={c.status} size="0.9em" />
          <span className="num">{c.count}</span> {c.status}
        </li>
      ))}
      {level !== null && firing > 0 && (
        <li className={styles.count} data-level={level}>
          <SeverityIcon level={level} size="0.9em" />
          <span className="num">{firing}</span> {firing === 1 ? "alert" : "alerts"} firing
        </li>
      )}
    </ul>
  );
});
