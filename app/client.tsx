"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { AppShell } from "@/components/app/AppShell";
import { dataInfoOf, sourcedOf } from "@/components/app/data-info";
import { useSetView } from "@/components/app/use-view";
import { Overview } from "@/components/services/Overview";
import { useServiceSparklines, useServices } from "@/components/services/use-services";
import { combineSourced } from "@/lib/model/signal-source";
import type { ViewState } from "@/lib/ui/url-state";

export interface OverviewClientProps {
  view: ViewState;
}

export function OverviewClient({ view }: OverviewClientProps) {
  const setView = useSetView();
  // The same query the services panel runs (TanStack shares it): the header shows its age and range.
  const query = useServices(view);
  // The sparklines' answer too (the panel's own query, shared): its range may be read raw before the rules began.
  const trends = useServiceSparklines(view, query.data !== undefined);
  const source = combineSourced([query.data, trends.data].map((d) => (d ? (sourcedOf(d) ?? undefined) : undefined)));
  return (
    <AppShell view={view} onViewChange={setView} data={{ ...dataInfoOf(query), source }}>
      <Overview view={view} onViewChange={setView} />
    </AppShell>
  );
}

// Off by default: only a hook that sets `enabled` itself could fetch, and none does before there is data.
const neverFetches = () => new QueryClient({ defaultOptions: { queries: { enabled: false } } });

/**
 * The overview before its data: the same components in their loading state, on a query cache of
 * their own, so that the app's cache is still empty when the server's answer arrives to fill it.
 */
export function OverviewLoading({ view }: OverviewClientProps) {
  const [client] = useState(neverFetches);
  return (
    <QueryClientProvider client={client}>
      <OverviewClient view={view} />
    </QueryClientProvider>
  );
}
