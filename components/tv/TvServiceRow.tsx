import { memo } from "react";
import { SourceBadge } from "@/components/app/SourceBadge";
import { StatusIcon } from "@/components/services/StatusBadge";
import type { AlertSummary } from "@/lib/model/alert-types";
import type { ServiceSummary } from "@/lib/model/types";
import { formatNumber, formatPercent, formatSeconds, NO_VALUE } from "@/lib/ui/format";
import { TvAlertBadges } from "./TvAlertBadges";
import styles from "./services.module.css";

export interface TvServiceRowProps {
  service: ServiceSummary;
  /** Alerts naming this service; the same array while they do not change. */
  alerts: readonly AlertSummary[];
  /** Several sources: the row shows its source, and is marked when that source's copy is stale. */
  showSource: boolean;
}

/**
 * One service on the wall: status as colour, shape and word; name, request rate, error ratio and p99 in
 * big numbers on its first line; its alerts and why on lines of their own under them, as wide as the row
 * (services.module.css), growing the row rather than being cut.
 */
export const TvServiceRow = memo(function TvServiceRow({ service: s, alerts, showSource }: TvServiceRowProps) {
  const why = s.statusReasons.join("; ");
  return (
    <div
      role="row"
      className={styles.serviceRow}
      data-status={s.status}
      data-stale={(showSource && s.stale) || undefined}
    >
      <span role="cell" className={styles.statusCell}>
        <span className={styles.status} data-status={s.status}>
          <StatusIcon status={s.status} size="1em" />
          {s.status}
        </span>
      </span>
      <span role="cell" className={styles.nameCell}>
        <span className={styles.serviceName}>
          {showSource && (
            <>
              <SourceBadge source={s.source} stale={s.stale} size="large" />{" "}
            </>
          )}
          {s.name}
          {/* Same-named services of two namespaces are two rows: the namespace tells them apart. */}
          {s.namespace && <span className={styles.namespace}> {s.namespace}</span>}
        </span>
        <TvAlertBadges alerts={alerts} />
        {why && <span className={styles.why}>{why}</span>}
      </span>
      <span role="cell" className={`${styles.value} num`}>
        {s.requestRate === null ? NO_VALUE : formatNumber(s.requestRate)}
      </span>
      <span role="cell" className={`${styles.value} num`}>
        {formatPercent(s.errorRatio)}
      </span>
      <span role="cell" className={`${styles.value} num`}>
        {formatSeconds(s.latency.p99)}
      </span>
    </div>
  );
});
