"use client";

import { AppShell } from "@/components/app/AppShell";
import { dataInfoOf } from "@/components/app/data-info";
import { useSetView } from "@/components/app/use-view";
import { Overview } from "@/components/services/Overview";
import { useServices } from "@/components/services/use-services";
import type { ViewState } from "@/lib/ui/url-state";

export interface OverviewClientProps {
  view: ViewState;
}

export function OverviewClient({ view }: OverviewClientProps) {
  const setView = useSetView();
  // The same query the services panel runs (TanStack shares it): the header shows its age and range.
  const query = useServices(view);
  return (
    <AppShell view={view} onViewChange={setView} data={dataInfoOf(query)}>
      <Overview view={view} onViewChange={setView} />
    </AppShell>
  );
}
