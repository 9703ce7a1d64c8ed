"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import { OverviewAlerts } from "@/components/alerts/OverviewAlerts";
import { statusQuery } from "@/components/app/queries";
import { TabStatus } from "@/components/app/TabStatus";
import { PanelBoundary } from "@/components/states/PanelBoundary";
import { useAlerts } from "@/components/alerts/use-alerts";
import type { SloAnswerState } from "@/components/slo/SloCell";
import { useSlos } from "@/components/slo/use-slos";
import { QueryFreshnessBanner } from "@/components/states/FreshnessBanner";
import { Panel, type PanelStatus } from "@/components/states/Panel";
import { withSparklines } from "@/lib/api/sparklines";
import { alertsByService } from "@/lib/ui/alerts";
import { describeError } from "@/lib/ui/fetch-json";
import { countLabel, filterServices, sortServices } from "@/lib/ui/overview-rows";
import { slosByService, sortBudget } from "@/lib/ui/slo-cells";
import { showsSources, sourceOptions, wholeAnswerStale } from "@/lib/ui/sources";
import { servicesTab } from "@/lib/ui/tab-status";
import { refreshIntervalMs, viewHref, type ViewState } from "@/lib/ui/url-state";
import { NoServicesHelp } from "./NoServicesHelp";
import { OverviewToolbar } from "./OverviewToolbar";
import { RulesHint } from "./RulesHint";
import { ServicesTable } from "./ServicesTable";
import { useServiceSparklines, useServices } from "./use-services";
import styles from "./services.module.css";

export interface ServicesPanelProps {
  view: ViewState;
  onViewChange: (next: ViewState) => void;
}

// Loading, empty and error take about the room a short list would, so the page does not jump.
const PLACEHOLDER_HEIGHT = 320;

/** The SLO cells' state: old data (a stale answer, or a failed refresh) stays on screen, marked. */
function sloAnswerState(q: { data?: { stale: boolean }; isError: boolean }): SloAnswerState {
  if (!q.data) return q.isError ? "unavailable" : "loading";
  return q.data.stale || q.isError ? "stale" : "ready";
}

/** The overview's service list: fetches, filters, sorts, and shows its loading, empty, error and stale states. */
export function ServicesPanel({ view, onViewChange }: ServicesPanelProps) {
  const query = useServices(view);
  const trends = useServiceSparklines(view, query.data !== undefined);
  const [filter, setFilter] = useState(view.q);
  const data = query.data;
  // Alerts are current whatever the range; a failed alerts call only costs the badges, never the list.
  const alertsData = useAlerts({ refetchInterval: refreshIntervalMs(view.refresh), source: view.source }).data;
  const alertsOf = useMemo(() => alertsByService(alertsData?.alerts ?? []), [alertsData]);
  // SLOs are their own answer too: a failed or old one costs the SLO cells, never the rows.
  const slos = useSlos(view);
  const slosOf = useMemo(() => slosByService(slos.data?.slos ?? []), [slos.data]);
  const sloState = sloAnswerState(slos);
  // Counted once per answer, not on every key typed into the filter: the list may hold 2,000 services.
  const stale = (data !== undefined && wholeAnswerStale(data)) || query.isError;
  const showSource = showsSources(data?.sources, view.source);
  // A narrowed answer holds its one source: the filter lists the others from the status answer, asked once.
  const configured = useQuery({ ...statusQuery(), enabled: view.source !== "" }).data?.sources;
  const tab = useMemo(
    () =>
      servicesTab(
        data?.services.map((s) => s.status),
        stale,
      ),
    [data, stale],
  );
  const rows = useMemo(
    () =>
      data
        ? sortServices(filterServices(withSparklines(data.services, trends.data), filter), view.sort, (id) =>
            sortBudget(slosOf(id)),
          )
        : [],
    [data, trends.data, filter, view.sort, slosOf],
  );

  let status: PanelStatus = "ready";
  if (!data) status = query.isError ? "error" : "loading";
  else if (rows.length === 0) status = "empty";
  let emptyText: ReactNode = "No services have requests in this range";
  if (data && data.services.length > 0) emptyText = `No service matches “${filter}”`;
  else if (data?.discovery)
    emptyText = <NoServicesHelp discovery={data.discovery} statusHref={viewHref("/status", view)} />;

  return (
    <div>
      <TabStatus status={tab} />
      <PanelBoundary name="Alerts">
        <OverviewAlerts refresh={view.refresh} source={view.source} />
      </PanelBoundary>
      <QueryFreshnessBanner query={query} />
      {trends.isError && !trends.data && data && (
        <p role="status" className={styles.trendsError}>
          Trends over the range could not be loaded ({describeError(trends.error)}); the current values are not
          affected.
        </p>
      )}
      <OverviewToolbar
        view={view}
        onViewChange={onViewChange}
        filter={filter}
        onFilterChange={setFilter}
        count={data ? countLabel(rows.length, data.services.length, data.conventions.length) : null}
        sources={showSource ? sourceOptions(configured ?? data?.sources, view.source) : null}
      />
      {data?.hints?.map((h) => (
        <RulesHint key={h.kind} hint={h} />
      ))}
      <Panel
        title="Services"
        status={status}
        emptyText={emptyText}
        errorText={describeError(query.error)}
        onRetry={() => void query.refetch()}
        stale={data && wholeAnswerStale(data)}
        height={status === "ready" || data?.discovery ? "auto" : PLACEHOLDER_HEIGHT}
      >
        {/* A new filter or sort starts from the top of the list, not wherever the old one was scrolled to. */}
        <ServicesTable
          key={`${view.sort}|${filter}`}
          services={rows}
          view={view}
          showSource={showSource}
          alertsOf={alertsOf}
          slosOf={slosOf}
          sloState={sloState}
          trendsLoading={trends.isPending}
          statusWindow={data?.window ?? 0}
        />
      </Panel>
    </div>
  );
}
