"use client";

import { AppShell } from "@/components/app/AppShell";
import { useSetView } from "@/components/app/use-view";
import { StatusView } from "@/components/status/StatusView";
import { useStatus } from "@/components/status/use-status";
import type { ViewState } from "@/lib/ui/url-state";

export interface StatusClientProps {
  view: ViewState;
}

export function StatusClient({ view }: StatusClientProps) {
  const setView = useSetView();
  const query = useStatus();
  return (
    <AppShell
      view={view}
      onViewChange={setView}
      timeless
      data={{
        updatedAt: query.dataUpdatedAt,
        checkedAt: Math.max(query.dataUpdatedAt, query.errorUpdatedAt),
        fetching: query.isFetching,
        range: null,
        source: null,
      }}
    >
      <StatusView query={query} tz={view.tz} />
    </AppShell>
  );
}
