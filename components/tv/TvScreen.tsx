"use client";

import { useMemo, type ReactNode } from "react";
import { TabStatus } from "@/components/app/TabStatus";
import { PanelBoundary } from "@/components/states/PanelBoundary";
import type { Freshness, SourceStates } from "@/lib/model/types";
import { alertCounts, alertsByService } from "@/lib/ui/alerts";
import { isAccessRevoked } from "@/lib/ui/fetch-json";
import { failureText, staleSince, type SourceState } from "@/lib/ui/screen-freshness";
import { showsSources, wholeAnswerStale } from "@/lib/ui/sources";
import { servicesTab } from "@/lib/ui/tab-status";
import { formatTime, intlZone } from "@/lib/ui/time-format";
import type { TimeZoneMode } from "@/lib/ui/url-state";
import type { TvPage, TvView } from "@/lib/ui/tv-params";
import { TvAlerts } from "./TvAlerts";
import { TvClock } from "./TvClock";
import { TvKubernetes } from "./TvKubernetes";
import { TvBanner, TvSourceNotices, TvUpdated } from "./TvFreshness";
import { TvNodes } from "./TvNodes";
import { TvPanel } from "./TvPanel";
import { TvRevoked } from "./TvRevoked";
import { TvRotation } from "./TvRotation";
import { TvServices } from "./TvServices";
import { TvSloBudgets } from "./TvSloBudgets";
import { TvSummary } from "./TvSummary";
import { useReloadOnNewBuild, useTvData } from "./use-tv-data";
import sloStyles from "./slo.module.css";
import styles from "./tv.module.css";

export interface TvScreenProps {
  view: TvView;
}

interface QueryLike {
  data?: Freshness & SourceStates;
  dataUpdatedAt: number;
  error: unknown;
  /** The failure of an attempt still being retried: what the screen says before the retries run out. */
  failureReason: unknown;
}

// With several sources, one stale source marks its own rows and has its own notice (TvSourceNotices),
// not the whole screen.
const sourceOf = (q: QueryLike): SourceState => ({
  receivedAt: q.data ? q.dataUpdatedAt : 0,
  stale: q.data !== undefined && wholeAnswerStale(q.data),
  ageSeconds: q.data?.ageSeconds,
  error: q.error ?? q.failureReason,
});

/** "as of 17:20:03" for a panel whose data is old; null while it is fresh. */
function staleLabel(source: SourceState, tz: TimeZoneMode): string | null {
  const at = staleSince(source);
  return at === null ? null : `as of ${formatTime(at / 1000, intlZone(tz), "second")}`;
}

const TITLES: Record<TvPage, string> = { services: "Services", nodes: "Nodes", alerts: "Alerts" };

// Alerts take the room their rows need (2.55 em each, 0.3 em apart, under a title), the nodes the rest:
// a quiet day leaves the nodes most of the column. CSS caps the alerts' share.
const ALERT_ROW_EM = 2.85;
const ALERT_PANEL_EM = 2.4;
const alertsAreaEm = (count: number) => `${ALERT_PANEL_EM + Math.max(1, count) * ALERT_ROW_EM}em`;

/**
 * The wall screen: nothing to click, nothing that scrolls, type sized by the screen. Worst services and
 * the cluster's health on the left, nodes over alerts on the right, or each in turn with `pages=`; a
 * clock, the data's age, and a banner when that data is old. A failed refresh never blanks it: the
 * last data stays, each panel marked stale; a first request that fails says what failed. A revoked
 * TV link replaces the whole screen with a message saying so.
 */
export function TvScreen({ view }: TvScreenProps) {
  useReloadOnNewBuild();
  const { refreshSeconds, services, alerts, nodes, slos } = useTvData(view.refreshSeconds, view.source);
  const showSource = showsSources(services.data?.sources, view.source);
  const serviceList = services.data?.services ?? null;
  const alertList = alerts.data?.alerts ?? null;
  const alertsOf = useMemo(() => alertsByService(alertList ?? []), [alertList]);
  const sources = [sourceOf(services), sourceOf(alerts), sourceOf(nodes)] as const;
  const [servicesSource, alertsSource, nodesSource] = sources;
  const { firing, pending } = alertCounts(alertList ?? []);
  // A revoked TV link: every later answer is refused, so the last numbers would only grow old on the wall.
  if ([services, alerts, nodes, slos].some((q) => isAccessRevoked(q.error ?? q.failureReason)))
    return <TvRevoked theme={view.theme} />;

  const panels: Record<TvPage, ReactNode> = {
    services: (
      <PanelBoundary name="Services">
        <TvPanel title="Services" aside="worst first" staleAsOf={staleLabel(servicesSource, view.tz)}>
          <TvServices
            services={serviceList}
            conventionsInUse={services.data?.conventions.length ?? 0}
            alertsOf={alertsOf}
            showSource={showSource}
            error={failureText([servicesSource])}
          />
        </TvPanel>
      </PanelBoundary>
    ),
    nodes: (
      <PanelBoundary name="Nodes">
        <TvPanel title="Nodes" staleAsOf={staleLabel(nodesSource, view.tz)}>
          <TvNodes data={nodes.data} showSource={showSource} error={failureText([nodesSource])} />
        </TvPanel>
      </PanelBoundary>
    ),
    alerts: (
      <PanelBoundary name="Alerts">
        <TvPanel
          title="Alerts"
          aside={alertList && alertList.length > 0 ? `${firing} firing · ${pending} pending` : undefined}
          staleAsOf={staleLabel(alertsSource, view.tz)}
        >
          <TvAlerts alerts={alertList} showSource={showSource} error={failureText([alertsSource])} />
        </TvPanel>
      </PanelBoundary>
    ),
  };

  // The SLOs' age shows on their own panel only: the banner and "updated" speak for the screen's main data.
  const slosSource = sourceOf(slos);
  const budgets = (
    <PanelBoundary name="Error budgets">
      <div className={sloStyles.panel}>
        <TvPanel title="Error budgets" aside="at risk, least left first" staleAsOf={staleLabel(slosSource, view.tz)}>
          <TvSloBudgets slos={slos.data?.slos ?? null} showSource={showSource} error={failureText([slosSource])} />
        </TvPanel>
      </div>
    </PanelBoundary>
  );

  const kubernetes = (
    <PanelBoundary name="Kubernetes">
      <TvKubernetes data={nodes.data} showSource={showSource} />
    </PanelBoundary>
  );

  return (
    <div className={`${styles.tv} theme-${view.theme}`}>
      <TabStatus
        status={servicesTab(
          serviceList?.map((s) => s.status),
          staleSince(servicesSource) !== null,
        )}
      />
      <div className={styles.top}>
        <span className={styles.brand}>signalboard</span>
        <TvSummary services={serviceList} alerts={alertList} />
        <div className={styles.clockBlock}>
          <TvClock tz={view.tz} />
          <TvUpdated sources={sources} refreshSeconds={refreshSeconds} />
        </div>
      </div>
      <TvBanner sources={sources} refreshSeconds={refreshSeconds} />
      <TvSourceNotices sources={services.data?.sources} />
      <main className={styles.body}>
        {view.pages.length === 0 ? (
          <div className={styles.onePage}>
            <div className={styles.left}>
              {panels.services}
              {budgets}
              {kubernetes}
            </div>
            <div className={styles.right}>
              <div className={styles.nodesArea}>{panels.nodes}</div>
              <div className={styles.alertsArea} style={{ flexBasis: alertsAreaEm(alertList?.length ?? 0) }}>
                {panels.alerts}
              </div>
            </div>
          </div>
        ) : (
          <TvRotation
            pages={view.pages.map((p) => ({
              id: p,
              title: TITLES[p],
              content:
                p === "nodes" ? (
                  <div className={styles.left}>
                    {panels.nodes}
                    {kubernetes}
                  </div>
                ) : (
                  panels[p]
                ),
            }))}
            everySeconds={view.everySeconds}
          />
        )}
      </main>
    </div>
  );
}
