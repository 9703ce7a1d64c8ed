import Link from "next/link";
import { SourceBadge } from "@/components/app/SourceBadge";
import { StatusRow } from "@/components/app/StatusRow";
import { memo } from "react";
import { AlertBadge } from "@/components/alerts/AlertBadge";
import { SloCellView, type SloAnswerState } from "@/components/slo/SloCell";
import type { Slo } from "@/lib/model/slo-types";
import type { AlertSummary } from "@/lib/model/alert-types";
import type { ServiceSummary, Values } from "@/lib/model/types";
import { formatPercent, formatRate, formatSeconds } from "@/lib/ui/format";
import { statusTooltip } from "@/lib/ui/service-status-text";
import { SERIES_COLORS } from "@/components/charts/colors";
import { Sparkline, type SparkSeries } from "@/components/charts/Sparkline";
import { StatusBadge } from "./StatusBadge";
import statusRows from "@/components/app/status-rows.module.css";
import styles from "./services.module.css";

/** Every row has the same height, so the virtualiser places rows without measuring them. */
export const ROW_HEIGHT = 62;
const SPARK = { width: 110, height: 30 };

export interface ServiceRowProps {
  service: ServiceSummary;
  href: string;
  /** Several sources: the row shows its source, and is marked when that source's copy is stale. */
  showSource: boolean;
  /** 1-based position among all rows, header included, for assistive tech. */
  rowIndex: number;
  /** Offset from the top of the list, px. */
  top: number;
  /** Alerts naming this service, most urgent first; the same array while they do not change, so the row stays memoised. */
  alerts: readonly AlertSummary[];
  /** The service's SLOs; the same array while they do not change, so the row stays memoised. */
  slos: readonly Slo[];
  sloState: SloAnswerState;
  /** The sparklines are still on their way. */
  trendsLoading: boolean;
  /** Seconds: the window the status and current values are evaluated over. */
  statusWindow: number;
}

const EMPTY: Values = [];
const NAME_MIN_CHARS = 8;

function Spark({ series, label, loading }: { series: readonly SparkSeries[]; label: string; loading: boolean }) {
  // The same box whether or not there is a line: every row keeps the same layout.
  return (
    <span
      className={loading ? `${styles.spark} ${styles.sparkLoading}` : styles.spark}
      aria-busy={loading || undefined}
    >
      <Sparkline series={series} width={SPARK.width} height={SPARK.height} label={label} />
    </span>
  );
}

function Quantile({ name, value, title }: { name: string; value: number | null; title?: string }) {
  return (
    <span className={styles.quantile} title={title}>
      <span className={styles.qName}>{name}</span> {formatSeconds(value)}
    </span>
  );
}

/** One service: status, name and why; request rate, error ratio and latency, each as a trend and a current value. */
export const ServiceRow = memo(function ServiceRow({
  service: s,
  href,
  showSource,
  rowIndex,
  top,
  alerts,
  slos,
  sloState,
  trendsLoading,
  statusWindow,
}: ServiceRowProps) {
  const series = s.series;
  const loading = trendsLoading && !series;
  // Of successful requests, or of all where the convention's histogram cannot tell them apart.
  const ok = s.latencyByOutcome ? s.latencySuccess : s.latency;
  const meta = [s.namespace, s.convention, s.instances ? `${s.instances.up}/${s.instances.total} up` : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <StatusRow
      rowIndex={rowIndex}
      className={styles.row}
      status={s.status}
      top={top}
      stale={showSource && Boolean(s.stale)}
    >
      <div role="cell" className={statusRows.statusCell}>
        <StatusBadge status={s.status} title={statusTooltip(s.status, s.statusReasons, statusWindow)} />
      </div>
      <div role="cell" className={styles.nameCell}>
        <span className={styles.nameLine}>
          {/* Never below a few letters (about the name's own width when short), whatever the badges. */}
          <Link
            href={href}
            className={styles.name}
            prefetch={false}
            style={{ minWidth: `${Math.min(s.name.length, NAME_MIN_CHARS)}ch` }}
          >
            {s.name}
          </Link>
          <AlertBadge alerts={alerts} />
        </span>
        <span className={styles.meta}>
          {/* On the second line: the name and its alert badges keep the first line's room. */}
          {showSource && (
            <>
              <SourceBadge source={s.source} stale={s.stale} />{" "}
            </>
          )}
          {meta}
        </span>
        {s.statusReasons.length > 0 && (
          <span className={styles.reasons} title={s.statusReasons.join("; ")}>
            {s.statusReasons.join("; ")}
          </span>
        )}
      </div>
      <div role="cell" className={styles.metricCell}>
        <Spark
          series={[{ values: series?.requestRate ?? EMPTY, color: SERIES_COLORS.rate }]}
          label={`Request rate of ${s.name} over the range`}
          loading={loading}
        />
        <span className={`${styles.value} num`}>{formatRate(s.requestRate)}</span>
      </div>
      <div role="cell" className={styles.metricCell}>
        <Spark
          series={[{ values: series?.errorRatio ?? EMPTY, color: SERIES_COLORS.error }]}
          label={`Error ratio of ${s.name} over the range`}
          loading={loading}
        />
        <span className={`${styles.value} num`}>{formatPercent(s.errorRatio)}</span>
      </div>
      <div role="cell" className={styles.metricCell}>
        <Spark
          series={[
            { values: series?.p50 ?? EMPTY, color: SERIES_COLORS.p50 },
            { values: series?.p90 ?? EMPTY, color: SERIES_COLORS.p90 },
            { values: series?.p99 ?? EMPTY, color: SERIES_COLORS.p99 },
            { values: series?.p99Failure ?? EMPTY, color: SERIES_COLORS.failure, dashed: true },
          ]}
          label={
            s.latencyByOutcome
              ? `Latency of ${s.name} over the range: p50, p90, p99 of successful requests and p99 of failed requests`
              : `Latency of ${s.name} over the range: p50, p90, p99 of all requests`
          }
          loading={loading}
        />
        <span className={`${styles.latency} num`}>
          <span
            title={
              s.latencyByOutcome ? undefined : "Of all requests: this convention cannot tell successes from failures"
            }
          >
            <Quantile name="p50" value={ok.p50} />
            <Quantile name="p90" value={ok.p90} />
            <Quantile name="p99" value={ok.p99} />
          </span>
          <span className={styles.failed}>
            <Quantile
              name="failed p99"
              value={s.latencyFailure.p99}
              title={
                s.latencyByOutcome
                  ? undefined
                  : "Not measured: this convention's duration histogram has no status label"
              }
            />
          </span>
        </span>
      </div>
      <div role="cell" className={styles.metricCell}>
        <SloCellView slos={slos} state={sloState} />
      </div>
    </StatusRow>
  );
});
