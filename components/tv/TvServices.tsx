"use client";

import { memo, useMemo } from "react";
import type { AlertSummary } from "@/lib/model/alert-types";
import type { ServiceSummary } from "@/lib/model/types";
import { serviceKey, type ServiceId } from "@/lib/identity/service-identity";
import { sortServices } from "@/lib/ui/overview-rows";
import { rowServiceId } from "@/lib/ui/sources";
import { moreText, noServicesText } from "@/lib/ui/service-status-counts";
import { TvPlaceholder } from "./TvPlaceholder";
import { TvServiceRow } from "./TvServiceRow";
import { useShrinkToFit } from "./use-fit";
import styles from "./services.module.css";
import tv from "./tv.module.css";

export interface TvServicesProps {
  /** null before the first answer. */
  services: readonly ServiceSummary[] | null;
  /** A service's alerts (lib/ui/alerts alertsByService): the same array for the same service while they do not change. */
  alertsOf: (id: ServiceId) => readonly AlertSummary[];
  /** Several sources: each row shows its source, and its alerts are its source's. */
  showSource: boolean;
  /** How many conventions matched upstream: none is a setup problem, not a quiet range. */
  conventionsInUse: number;
  /** Why there is no answer yet (the first request failed), in words; null while none failed. */
  error: string | null;
}

const ROW = ":scope > div > [role=row]";

/**
 * The worst services first, as many as the screen holds; the last line counts the rest by status. Rows
 * are as tall as their badges and reasons need, so what fits is measured, not computed from one row.
 * Rows are keyed by service, so a refresh moves rows rather than rebuilding them. Memoised: another
 * query's refresh (nodes, alerts) does not re-render the table while its services and alerts are the same.
 */
export const TvServices = memo(function TvServices({
  services,
  conventionsInUse,
  alertsOf,
  showSource,
  error,
}: TvServicesProps) {
  const rows = useMemo(() => (services ? sortServices(services, "status") : []), [services]);
  // A service's alerts add lines to its row: they change what fits as much as the services do.
  const content = useMemo(() => [rows, alertsOf], [rows, alertsOf]);
  const { ref, shown } = useShrinkToFit<HTMLDivElement>(rows.length, ROW, content);
  // The last line counting the rest takes a row's place.
  const listed = shown < rows.length ? Math.max(0, shown - 1) : shown;
  const more = rows.length - listed;
  return (
    <div role="table" aria-label="Services, worst first" className={styles.servicesTable}>
      <div role="row" className={`${styles.serviceRow} ${styles.headRow}`}>
        <span role="columnheader">Status</span>
        <span role="columnheader">Service</span>
        <span role="columnheader" className={styles.valueHead}>
          req/s
        </span>
        <span role="columnheader" className={styles.valueHead}>
          errors
        </span>
        <span role="columnheader" className={styles.valueHead}>
          p99
        </span>
      </div>
      <div role="rowgroup" ref={ref} className={styles.rows}>
        <div className={styles.rowsInner}>
          {services === null && <TvPlaceholder error={error}>Loading services…</TvPlaceholder>}
          {services !== null && rows.length === 0 && (
            <p className={tv.placeholder}>{noServicesText(conventionsInUse)}</p>
          )}
          {rows.slice(0, listed).map((s) => {
            const id = rowServiceId(s, showSource);
            return <TvServiceRow key={serviceKey(id)} service={s} alerts={alertsOf(id)} showSource={showSource} />;
          })}
          {more > 0 && (
            <div role="row" className={`${styles.serviceRow} ${styles.moreRow}`}>
              <span role="cell">{moreText(rows.slice(listed).map((s) => s.status))}</span>
            </div>
          )}
        </div>
      </div>
    </div>
  );
});
