import type { AlertSummary } from "@/lib/model/alert-types";
import { SourceBadge } from "@/components/app/SourceBadge";
import { activeForText, alertKey, severityLevel } from "@/lib/ui/alerts";
import { SeverityBadge } from "./SeverityBadge";
import styles from "./alerts.module.css";

export interface AlertListProps {
  /** In the order to show, most urgent first (the API's order). */
  alerts: readonly AlertSummary[];
  /** What the list is, for assistive tech: "Alerts for checkout". */
  label: string;
  /** "large" for the wall screen: two fixed-height lines per alert, sized by the screen. */
  size?: "normal" | "large";
  /** Name the service or node each alert is about (lists that mix services). */
  showTarget?: boolean;
  /** Link each alert's runbook; off on the wall screen, where nothing is clicked. */
  runbookLinks?: boolean;
  /** Alerts left out for lack of room, said in the last line. */
  more?: number;
  /** Several sources: each alert shows the source it fired in. */
  showSource?: boolean;
}

/** Alerts with severity, name, state, time active, summary and runbook: for the service page and the wall screen. */
export function AlertList({
  alerts,
  label,
  size = "normal",
  showTarget = false,
  runbookLinks = true,
  more = 0,
  showSource = false,
}: AlertListProps) {
  return (
    <ul className={styles.list} data-size={size} aria-label={label}>
      {alerts.map((a) => {
        // Same-named services of two namespaces: the namespace says which one.
        const target = a.service && a.namespace ? `${a.service} (${a.namespace})` : (a.service ?? a.node);
        return (
          <li key={alertKey(a)} className={styles.item} data-state={a.state}>
            <span className={styles.itemSeverity}>
              <SeverityBadge level={severityLevel(a.severity)} pending={a.state === "pending"} />
            </span>
            <span className={styles.itemName}>
              {showSource && (
                <>
                  <SourceBadge source={a.source} stale={a.stale} size={size} />{" "}
                </>
              )}
              <strong>{a.name}</strong>
              {showTarget && target && <span className={styles.target}> · {target}</span>}
            </span>
            <span className={`${styles.itemActive} num`}>{activeForText(a)}</span>
            <span className={styles.itemSummary}>{a.summary || a.description}</span>
            {runbookLinks && (
              <span className={styles.itemRunbook}>
                {a.runbookUrl ? (
                  <a href={a.runbookUrl} target="_blank" rel="noopener noreferrer" aria-label={`Runbook for ${a.name}`}>
                    Runbook
                  </a>
                ) : (
                  <span className={styles.none}>no runbook</span>
                )}
              </span>
            )}
          </li>
        );
      })}
      {more > 0 && (
        <li className={`${styles.item} ${styles.more}`}>
          +{more} more {more === 1 ? "alert" : "alerts"}
        </li>
      )}
    </ul>
  );
}
