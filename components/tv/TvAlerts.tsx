"use client";

import { memo } from "react";
import { AlertList } from "@/components/alerts/AlertList";
import { StatusIcon } from "@/components/services/StatusBadge";
import type { AlertSummary } from "@/lib/model/alert-types";
import { TvPlaceholder } from "./TvPlaceholder";
import { useShrinkToFit } from "./use-fit";
import styles from "./tv.module.css";

export interface TvAlertsProps {
  /** Most urgent first; null before the first answer. */
  alerts: readonly AlertSummary[] | null;
  /** Several sources: each alert shows its source. */
  showSource: boolean;
  /** Why there is no answer yet, in words; null while none failed. */
  error: string | null;
}

const ROW = "li";

/**
 * Firing and pending alerts, as many as fit, the rest counted; a calm line when there are none. An
 * alert's lines wrap rather than being cut, so what fits is measured. Memoised on the list.
 */
export const TvAlerts = memo(function TvAlerts({ alerts, showSource, error }: TvAlertsProps) {
  const all = alerts ?? [];
  const { ref, shown } = useShrinkToFit<HTMLDivElement>(all.length, ROW, alerts);
  // The "+N more" line takes an alert's place.
  const listed = shown < all.length ? Math.max(0, shown - 1) : shown;
  return (
    <div ref={ref} className={styles.fill}>
      <div>
        {alerts === null && <TvPlaceholder error={error}>Loading alerts…</TvPlaceholder>}
        {alerts !== null && all.length === 0 && (
          <p className={`${styles.placeholder} ${styles.allClear}`}>
            <StatusIcon status="ok" size="1.1em" />
            No alerts firing
          </p>
        )}
        {all.length > 0 && (
          <AlertList
            alerts={all.slice(0, listed)}
            more={all.length - listed}
            label="Alerts now"
            size="large"
            showTarget
            showSource={showSource}
            runbookLinks={false}
          />
        )}
      </div>
    </div>
  );
});
