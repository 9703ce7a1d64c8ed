"use client";

import type { AlertSummary } from "@/lib/model/alert-types";
import { alertCounts } from "@/lib/ui/alerts";
import { describeError } from "@/lib/ui/fetch-json";
import { plural } from "@/lib/ui/format";
import { showsSources } from "@/lib/ui/sources";
import { refreshIntervalMs, type Refresh } from "@/lib/ui/url-state";
import { AlertList } from "./AlertList";
import { useAlerts } from "./use-alerts";
import styles from "./alerts.module.css";

export interface OverviewAlertsProps {
  refresh: Refresh;
  /** The source the page is narrowed to; "" for all. */
  source: string;
}

// A long alert storm must not push the services off the page; the rest are on the service pages.
const MAX_SHOWN = 6;

/**
 * Every alert firing or pending now, above the service list: rows carry their own service's alerts,
 * but node alerts and alerts naming no service would otherwise not show anywhere on the overview.
 */
export function OverviewAlerts({ refresh, source }: OverviewAlertsProps) {
  const query = useAlerts({ refetchInterval: refreshIntervalMs(refresh), source });
  const alerts: readonly AlertSummary[] = query.data?.alerts ?? [];
  if (!query.data) {
    return query.isError ? (
      <p role="alert" className={styles.notice}>
        Could not load alerts: {describeError(query.error)}
      </p>
    ) : null;
  }
  if (alerts.length === 0) return null;
  const { firing, pending } = alertCounts(alerts);
  return (
    <section className={styles.overview} aria-label="Alerts now">
      <h2 className={styles.heading}>
        {plural(firing, "alert")} firing{pending > 0 && <>, {pending} pending</>}
      </h2>
      <AlertList
        alerts={alerts.slice(0, MAX_SHOWN)}
        more={Math.max(0, alerts.length - MAX_SHOWN)}
        label="Alerts now"
        showTarget
        showSource={showsSources(query.data.sources, source)}
      />
    </section>
  );
}
