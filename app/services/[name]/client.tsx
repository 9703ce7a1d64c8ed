"use client";

import { AppShell } from "@/components/app/AppShell";
import { dataInfoOf } from "@/components/app/data-info";
import { useSetView } from "@/components/app/use-view";
import { ServiceDetail } from "@/components/services/detail/ServiceDetail";
import { useServiceDetail } from "@/components/services/use-services";
import { serviceId, type ServiceId } from "@/lib/identity/service-identity";
import { serviceHref, type ViewState } from "@/lib/ui/url-state";

export interface ServiceClientProps {
  id: ServiceId;
  view: ViewState;
}

export function ServiceClient({ id, view }: ServiceClientProps) {
  // Shared with the panels' own query (same key): the header shows its age and range.
  const query = useServiceDetail(id, view);
  // A new range or refresh keeps the service the server found, namespace included, even when the
  // link named it alone: the page stays on that service whatever else appears under its name.
  const shown = query.data ? serviceId(query.data.service) : id;
  const setView = useSetView((next) => serviceHref(shown, next));
  return (
    <AppShell view={view} onViewChange={setView} data={dataInfoOf(query)}>
      <ServiceDetail id={id} view={view} />
    </AppShell>
  );
}
