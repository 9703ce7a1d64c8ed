"use client";

import { useMemo } from "react";
import { Panel, type PanelStatus } from "@/components/states/Panel";
import type { AlertSummary } from "@/lib/model/alert-types";
import { parseServiceKey, serviceKey, type ServiceId } from "@/lib/identity/service-identity";
import { alertCounts, alertsByService } from "@/lib/ui/alerts";
import { describeError } from "@/lib/ui/fetch-json";
import { refreshIntervalMs, type Refresh } from "@/lib/ui/url-state";
import { AlertList } from "./AlertList";
import { useAlerts } from "./use-alerts";

export interface ServiceAlertsProps {
  id: ServiceId;
  refresh: Refresh;
}

const NONE: readonly AlertSummary[] = [];
// The empty, loading and error states are one line tall: no alerts is the usual case and should not take room.
const PLACEHOLDER_HEIGHT = 44;

/**
 * The alerts naming one service, as they stand now. Titled "now" because the page may show a past
 * incident (`?at=`) while Prometheus only knows which alerts are active at this moment.
 */
export function ServiceAlerts({ id, refresh }: ServiceAlertsProps) {
  const { name } = id;
  const query = useAlerts({ refetchInterval: refreshIntervalMs(refresh) });
  const all = query.data?.alerts;
  // Keyed by the identity's string: the page builds a new id object on every render.
  const key = serviceKey(id);
  const alerts = useMemo(() => (all ? alertsByService(all)(parseServiceKey(key)) : NONE), [all, key]);
  const { firing, pending } = alertCounts(alerts);

  let status: PanelStatus = "ready";
  if (!query.data) status = query.isError ? "error" : "loading";
  else if (alerts.length === 0) status = "empty";
  const aside = alerts.length > 0 ? `${firing} firing · ${pending} pending` : undefined;
  return (
    <Panel
      title="Alerts now"
      aside={aside}
      status={status}
      emptyText={`No alerts firing or pending for ${name}`}
      errorText={describeError(query.error)}
      onRetry={() => void query.refetch()}
      stale={query.data?.stale}
      height={status === "ready" ? "auto" : PLACEHOLDER_HEIGHT}
    >
      <AlertList alerts={alerts} label={`Alerts for ${name}`} />
    </Panel>
  );
}
