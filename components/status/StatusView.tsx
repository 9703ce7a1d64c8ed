"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { Panel, type PanelStatus } from "@/components/states/Panel";
import type { StatusResponse } from "@/lib/model/types";
import { describeError } from "@/lib/ui/fetch-json";
import { formatDuration } from "@/lib/time/parse-time";
import type { TimeZoneMode } from "@/lib/ui/url-state";
import { ConventionsTable } from "./ConventionsTable";
import styles from "./status.module.css";

export interface StatusViewProps {
  query: UseQueryResult<StatusResponse>;
  tz: TimeZoneMode;
}

/** The status page's body: the upstream's reachability, what each convention found, and what is wrong with the SLOs' configuration. */
export function StatusView({ query, tz }: StatusViewProps) {
  const data = query.data;
  let status: PanelStatus = "ready";
  if (!data) status = query.isError ? "error" : "loading";
  const common = {
    status,
    errorText: describeError(query.error),
    onRetry: () => void query.refetch(),
    height: status === "ready" ? ("auto" as const) : 120,
  };
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Status</h1>
      <Panel title="Upstream" {...common}>
        {data && (
          <dl className={styles.facts}>
            <dt>Prometheus</dt>
            <dd>
              <code>{data.upstream.url}</code>
            </dd>
            <dt>Reachable</dt>
            <dd data-reachable={data.upstream.reachable}>
              {data.upstream.reachable ? "yes" : `no: ${data.upstream.error ?? "not answering"}`}
            </dd>
            <dt>Version</dt>
            <dd>{data.upstream.version ?? "unknown"}</dd>
            <dt>Scrape interval (config)</dt>
            <dd>{formatDuration(data.scrapeIntervalSeconds)}</dd>
          </dl>
        )}
      </Panel>
      <Panel
        title="Conventions"
        aside={data && `in precedence order; services seen in the last ${formatDuration(data.lookbackSeconds)}`}
        {...common}
      >
        {data && <ConventionsTable conventions={data.conventions} tz={tz} />}
      </Panel>
      <Panel title="SLOs" aside={data && `${data.slos.count} SLOs of the services found`} {...common}>
        {data &&
          (data.slos.warnings.length === 0 ? (
            <p className={styles.quiet}>No problem with the SLO configuration.</p>
          ) : (
            <ul className={styles.warnings} aria-label="SLO configuration warnings">
              {data.slos.warnings.map((w) => (
                <li key={w.message}>{w.message}</li>
              ))}
            </ul>
          ))}
      </Panel>
    </div>
  );
}
