import { SINGLE_SOURCE } from "@/lib/identity/service-identity";
import { DetailHeading } from "@/components/detail/DetailHeading";
import type { ServiceSummary } from "@/lib/model/types";
import { formatPercent, formatRate, formatSeconds } from "@/lib/ui/format";
import { formatWindow, statusTooltip } from "@/lib/ui/service-status-text";
import { StatusBadge } from "../StatusBadge";
import styles from "./detail.module.css";

export interface ServiceHeadingProps {
  name: string;
  /** The service as of `at`; null while loading. */
  service: ServiceSummary | null;
  overviewHref: string;
  /** Seconds: the window the status and current values are evaluated over; null while loading. */
  statusWindow: number | null;
}

/** Back link, name, status and why, the convention that found the service, and its current values. */
export function ServiceHeading({ name, service: s, overviewHref, statusWindow }: ServiceHeadingProps) {
  return (
    <DetailHeading
      name={name}
      back={{ href: overviewHref, label: "← All services" }}
      badge={
        s && (
          <StatusBadge
            status={s.status}
            title={statusWindow ? statusTooltip(s.status, s.statusReasons, statusWindow) : undefined}
          />
        )
      }
      reasons={s?.statusReasons ?? []}
      meta={
        s && (
          <>
            Found by convention <strong>{s.convention}</strong>
            {s.namespace && <> · namespace {s.namespace}</>}
            {s.source && s.source !== SINGLE_SOURCE && <> · source {s.source}</>}
            {s.instances && (
              <>
                {" "}
                · {s.instances.up} of {s.instances.total} instances up
              </>
            )}
            {statusWindow && (
              <> · status and current values over the last {formatWindow(statusWindow)}, firing alerts counted in</>
            )}
          </>
        )
      }
      values={
        s && (
          <>
            <Value label="Request rate" value={formatRate(s.requestRate)} />
            <Value label="Error ratio" value={formatPercent(s.errorRatio)} />
            {(["p50", "p90", "p99"] as const).map((q) => (
              <Value
                key={q}
                label={`${q} (${s.latencyByOutcome ? "successful" : "all"})`}
                value={formatSeconds((s.latencyByOutcome ? s.latencySuccess : s.latency)[q])}
              />
            ))}
            <Value
              label={s.latencyByOutcome ? "p99 (failed)" : "p99 (failed): not measured"}
              value={formatSeconds(s.latencyFailure.p99)}
              failed
            />
          </>
        )
      }
    />
  );
}

function Value({ label, value, failed = false }: { label: string; value: string; failed?: boolean }) {
  return (
    <div className={failed ? styles.failedValue : undefined}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
