"use client";

import { ServiceAlerts } from "@/components/alerts/ServiceAlerts";
import { DetailPage } from "@/components/detail/DetailPage";
import detailStyles from "@/components/detail/detail.module.css";
import { graphFrame } from "@/components/detail/graph-frame";
import { SloSection } from "@/components/slo/SloSection";
import { PanelBoundary } from "@/components/states/PanelBoundary";
import { identityLabel, serviceId, type ServiceId } from "@/lib/identity/service-identity";
import { sharedLatencyScale } from "@/lib/ui/latency-scale";
import { serviceTabIcon, verdictTab } from "@/lib/ui/tab-status";
import { viewHref, type ViewState } from "@/lib/ui/url-state";
import { useServiceDetail } from "../use-services";
import { BreakdownGraph } from "./BreakdownGraph";
import { ErrorsGraph } from "./ErrorsGraph";
import { LatencyGraph } from "./LatencyGraph";
import { RequestsGraph } from "./RequestsGraph";
import { ServiceCandidates } from "./ServiceCandidates";
import { ServiceHeading } from "./ServiceHeading";
import { ServiceNotFound } from "./ServiceNotFound";
import styles from "./detail.module.css";

export interface ServiceDetailProps {
  id: ServiceId;
  view: ViewState;
}

const EMPTY_QUANTILES = { p50: [], p90: [], p99: [] };

/** One service over the range: fetches once, and every graph draws from that one answer. */
export function ServiceDetail({ id, view }: ServiceDetailProps) {
  const { name } = id;
  const query = useServiceDetail(id, view);
  const overviewHref = viewHref("/", view);
  const data = query.data;
  // The service the server found: with its namespace even when the link named it alone, so its
  // alerts are its own and not those of a same-named service elsewhere.
  const shown = data ? serviceId(data.service) : id;
  const frame = graphFrame(data, view);
  const series = data?.series;
  const breakdowns = data?.breakdowns;
  // Where the convention cannot split latency by outcome, the first panel shows all requests'.
  const byOutcome = data?.service.latencyByOutcome ?? true;
  const latencyHeadline = (byOutcome ? series?.latencySuccess : series?.latency) ?? EMPTY_QUANTILES;
  const latencyFailure = series?.latencyFailure ?? EMPTY_QUANTILES;
  const latencyScale = sharedLatencyScale([latencyHeadline, latencyFailure]);
  return (
    <DetailPage
      query={query}
      pageFor={(error) => {
        if (error.code === "service_not_found") return <ServiceNotFound id={id} overviewHref={overviewHref} />;
        if (error.code === "ambiguous_service")
          return (
            <ServiceCandidates name={name} candidates={error.candidates} view={view} overviewHref={overviewHref} />
          );
        return null;
      }}
      heading={
        <ServiceHeading
          name={name}
          service={data?.service ?? null}
          overviewHref={overviewHref}
          statusWindow={data?.window ?? null}
        />
      }
      dataTitle="Service data"
      tab={verdictTab(
        identityLabel(shown),
        data?.service.status,
        serviceTabIcon(data?.service.status ?? "idle"),
        Boolean(data?.stale) || query.isError,
      )}
    >
      <div className={styles.alerts}>
        <PanelBoundary name="Alerts">
          <ServiceAlerts id={shown} refresh={view.refresh} />
        </PanelBoundary>
      </div>
      <div className={detailStyles.grid}>
        <PanelBoundary name="Requests">
          <RequestsGraph frame={frame} byStatusClass={series?.byStatusClass ?? []} total={series?.requestRate ?? []} />
        </PanelBoundary>
        <PanelBoundary name="Errors">
          <ErrorsGraph frame={frame} errorRatio={series?.errorRatio ?? []} />
        </PanelBoundary>
        <PanelBoundary name="Latency of successes">
          <LatencyGraph
            frame={frame}
            outcome={byOutcome ? "success" : "all"}
            quantiles={latencyHeadline}
            scale={latencyScale}
          />
        </PanelBoundary>
        <PanelBoundary name="Latency of failures">
          <LatencyGraph
            frame={frame}
            outcome="failure"
            quantiles={latencyFailure}
            scale={latencyScale}
            measured={byOutcome}
          />
        </PanelBoundary>
      </div>
      <PanelBoundary name="SLOs">
        <SloSection slos={data?.slos} frame={frame} />
      </PanelBoundary>
      <h2 className={styles.section}>Breakdowns</h2>
      <div className={`${detailStyles.grid} ${detailStyles.threeColumns}`}>
        {breakdowns?.byRoute !== null && (
          <PanelBoundary name="Requests by route">
            <BreakdownGraph frame={frame} title="Requests by route" series={breakdowns?.byRoute ?? []} />
          </PanelBoundary>
        )}
        <PanelBoundary name="Requests by status code">
          <BreakdownGraph
            frame={frame}
            title="Requests by status code"
            series={breakdowns?.byStatusCode ?? []}
            byStatus
          />
        </PanelBoundary>
        <PanelBoundary name="Requests by instance">
          <BreakdownGraph frame={frame} title="Requests by instance" series={breakdowns?.byInstance ?? []} />
        </PanelBoundary>
      </div>
    </DetailPage>
  );
}
