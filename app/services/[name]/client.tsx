"use client";

import { AppShell } from "@/components/app/AppShell";
import { dataInfoOf } from "@/components/app/data-info";
import { useSetView } from "@/components/app/use-view";
import { ServiceDetail } from "@/components/services/detail/ServiceDetail";
import { useServiceDetail } from "@/components/services/use-services";
import type { ViewState } from "@/lib/ui/url-state";

export interface ServiceClientProps {
  name: string;
  view: ViewState;
}

export function ServiceClient({ name, view }: ServiceClientProps) {
  const setView = useSetView();
  // Shared with the panels' own query (same key): the header shows its age and range.
  const query = useServiceDetail(name, view);
  return (
    <AppShell view={view} onViewChange={setView} data={dataInfoOf(query)}>
      <ServiceDetail name={name} view={view} />
    </AppShell>
  );
}
