"use client";

import { memo } from "react";
import { AlertList } from "@/components/alerts/AlertList";
import type { AlertSummary } from "@/lib/model/alert-types";
import { TvPlaceholder } from "./TvPlaceholder";
import { useShrinkToFit } from "./use-fit";
import styles from "./tv.module.css";

export interface TvAlertsProps {
  /** Most urgent first; null before the first answer. */
  alerts: readonly AlertSummary[] | null;
  /** Why there is no answer yet, in words; null while none failed. */
  error: string | null;
}

const ROW = "li";

/**
 * Firing and pending alerts, as many as fit, the rest counted; a calm line when there are none. An
 * alert's lines wrap rather than being cut, so what fits is measured. Memoised on the list.
 */
export const TvAlerts = memo(function TvAlerts({ alerts, error }: TvAlertsProps) {
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
            <svg width="1.1em" height="1.1em" viewBox="0 0 16 16" aria-hidden="true">
              <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.4" />
              <path
                d="M4 8.5l2.5 2.5L12 5.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
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
            runbookLinks={false}
          />
        )}
      </div>
    </div>
  );
});
