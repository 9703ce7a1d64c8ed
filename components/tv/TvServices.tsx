"use client";

import { memo, useMemo } from "react";
import type { AlertSummary } from "@/lib/api/alert-types";
import { serviceIdentityKey } from "@/lib/api/sparklines";
import type { ServiceSummary } from "@/lib/api/types";
import { withMore } from "@/lib/ui/fit";
import { sortServices } from "@/lib/ui/overview-rows";
import { moreText } from "@/lib/ui/status-counts";
import { TvServiceRow } from "./TvServiceRow";
import { useFit } from "./use-fit";
import styles from "./services.module.css";
import tv from "./tv.module.css";

export interface TvServicesProps {
  /** null before the first answer. */
  services: readonly ServiceSummary[] | null;
  alerts: ReadonlyMap<string, readonly AlertSummary[]>;
}

const NO_ALERTS: readonly AlertSummary[] = [];
const ROW = ":scope > [role=row]";

/**
 * The worst services first, as many as the screen holds; the last line counts the rest by status.
 * Rows are keyed by service, so a refresh moves rows rather than rebuilding them. Memoised: another
 * query's refresh (nodes, alerts) does not re-render the table while its services and alerts are the same.
 */
export const TvServices = memo(function TvServices({ services, alerts }: TvServicesProps) {
  const rows = useMemo(() => (services ? sortServices(services, "status") : []), [services]);
  const { ref, capacity } = useFit<HTMLDivElement>(rows.length, ROW);
  const { shown, more } = withMore(rows.length, capacity);
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
        {services === null && <p className={tv.placeholder}>Loading services…</p>}
        {services !== null && rows.length === 0 && <p className={tv.placeholder}>No services have requests</p>}
        {rows.slice(0, shown).map((s) => (
          <TvServiceRow key={serviceIdentityKey(s)} service={s} alerts={alerts.get(s.name) ?? NO_ALERTS} />
        ))}
        {more > 0 && (
          <div role="row" className={`${styles.serviceRow} ${styles.moreRow}`}>
            <span role="cell">{moreText(rows.slice(shown).map((s) => s.status))}</span>
          </div>
        )}
      </div>
    </div>
  );
});
