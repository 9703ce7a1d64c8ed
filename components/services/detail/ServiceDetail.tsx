"use client";

import { ServiceAlerts } from "@/components/alerts/ServiceAlerts";
import { QueryFreshnessBanner } from "@/components/states/FreshnessBanner";
import { Panel } from "@/components/states/Panel";
import { PanelBoundary } from "@/components/states/PanelBoundary";
import type { ServiceId } from "@/lib/identity/service-identity";
import { parseTime } from "@/lib/time/parse-time";
import { ApiRequestError, describeError } from "@/lib/ui/fetch-json";
import { sharedLatencyScale } from "@/lib/ui/latency-scale";
import { viewHref, type ViewState } from "@/lib/ui/url-state";
import { useServiceDetail } from "../use-services";
import { BreakdownGraph } from "./BreakdownGraph";
import { ErrorsGraph } from "./ErrorsGraph";
import { LatencyGraph } from "./LatencyGraph";
import { RequestsGraph } from "./RequestsGraph";
import { ServiceCandidates } from "./ServiceCandidates";
import { ServiceHeading } from "./ServiceHeading";
import { ServiceNotFound } from "./ServiceNotFound";
import type { GraphFrame } from "./graph-frame";
import styles from "./detail.module.css";

export interface ServiceDetailProps {
  id: ServiceId;
  view: ViewState;
}

const EMPTY_QUANTILES = { p50: [], p90: [], p99: [] };

// The marker sits at the instant an absolute `at` names, not at the API's evaluation instant (aligned
// down to the scrape interval); a relative one ("now-5m") has no other instant than the API's.
function markerTime(at: string, evaluatedAt: number): number {
  return at.startsWith("now") ? evaluatedAt : parseTime(at, evaluatedAt);
}

/** One service over the range: fetches once, and every graph draws from that one answer. */
export function ServiceDetail({ id, view }: ServiceDetailProps) {
  const { name } = id;
  const query = useServiceDetail(id, view);
  const overviewHref = viewHref("/", view);
  const data = query.data;

  if (query.error instanceof ApiRequestError && query.error.code === "service_not_found") {
    return <ServiceNotFound id={id} overviewHref={overviewHref} />;
  }
  if (query.error instanceof ApiRequestError && query.error.code === "ambiguous_service") {
    return <ServiceCandidates name={name} candidates={query.error.candidates} view={view} overviewHref={overviewHref} />;
  }
  if (!data && query.isError) {
    return (
      <>
        <ServiceHeading name={name} service={null} overviewHref={overviewHref} statusWindow={null} />
        <Panel title="Service data" status="error" errorText={describeError(query.error)} onRetry={() => void query.refetch()} height={160} />
      </>
    );
  }

  const frame: GraphFrame = {
    domain: data ? [data.from, data.to] : [0, 1],
    step: data?.step ?? 0,
    tz: view.tz,
    marker: data && view.at !== null ? markerTime(view.at, data.at) : null,
    loading: !data,
    stale: data?.stale ?? false,
  };
  const series = data?.series;
  const breakdowns = data?.breakdowns;
  const latencySuccess = series?.latencySuccess ?? EMPTY_QUANTILES;
  const latencyFailure = series?.latencyFailure ?? EMPTY_QUANTILES;
  const latencyScale = sharedLatencyScale([latencySuccess, latencyFailure]);
  return (
    <>
      <QueryFreshnessBanner query={query} />
      <ServiceHeading name={name} service={data?.service ?? null} overviewHref={overviewHref} statusWindow={data?.window ?? null} />
      <div className={styles.alerts}>
        <PanelBoundary name="Alerts">
          <ServiceAlerts id={id} refresh={view.refresh} />
        </PanelBoundary>
      </div>
      <div className={styles.grid}>
        <PanelBoundary name="Requests">
          <RequestsGraph frame={frame} byStatusClass={series?.byStatusClass ?? []} total={series?.requestRate ?? []} />
        </PanelBoundary>
        <PanelBoundary name="Errors">
          <ErrorsGraph frame={frame} errorRatio={series?.errorRatio ?? []} />
        </PanelBoundary>
        <PanelBoundary name="Latency of successes">
          <LatencyGraph frame={frame} outcome="success" quantiles={latencySuccess} scale={latencyScale} />
        </PanelBoundary>
        <PanelBoundary name="Latency of failures">
          <LatencyGraph frame={frame} outcome="failure" quantiles={latencyFailure} scale={latencyScale} />
        </PanelBoundary>
      </div>
      <h2 className={styles.section}>Breakdowns</h2>
      <div className={styles.breakdowns}>
        {breakdowns?.byRoute !== null && (
          <PanelBoundary name="Requests by route">
            <BreakdownGraph frame={frame} title="Requests by route" series={breakdowns?.byRoute ?? []} />
          </PanelBoundary>
        )}
        <PanelBoundary name="Requests by status code">
          <BreakdownGraph frame={frame} title="Requests by status code" series={breakdowns?.byStatusCode ?? []} byStatus />
        </PanelBoundary>
        <PanelBoundary name="Requests by instance">
          <BreakdownGraph frame={frame} title="Requests by instance" series={breakdowns?.byInstance ?? []} />
        </PanelBoundary>
      </div>
    </>
  );
}
