import { HydrationBoundary } from "@tanstack/react-query";
import { headers } from "next/headers";
import { Suspense } from "react";
import { servicesQuery } from "@/components/app/queries";
import { servicesCurrentValues } from "@/lib/api/endpoints";
import { asClient } from "@/lib/server/client-budget";
import { apiTimeParams, type ViewState } from "@/lib/ui/url-state";
import { OverviewClient, OverviewLoading } from "./client";
import { prefetchedState } from "./prefetch";
import { parseOverviewSearchParams } from "./search-params";

interface OverviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * How long the first HTML waits for the current values: about what 2,000 services take on a small
 * machine. Past it the page hydrates without them and asks for them itself, so a slow upstream
 * cannot keep the header and controls from working. That request is for a later instant, so it
 * runs the queries again: a shorter wait would cost a second round where the queries are slowest.
 */
const CURRENT_VALUES_WAIT_MS = 6_000;

/**
 * The current values as `GET /api/v1/services` would answer them now, in the key the panel reads;
 * the upstream queries they cause count against the client that asked, as the API's do.
 */
function currentValuesState(view: ViewState, request: Headers) {
  return prefetchedState(
    servicesQuery(view).queryKey,
    () =>
      asClient(request, () => servicesCurrentValues(apiTimeParams(view, Date.now() / 1000), view.source || undefined)),
    CURRENT_VALUES_WAIT_MS,
  );
}

/**
 * The overview with every service's current values in its cache: the first screenful of rows is in
 * the HTML, shown before the app's scripts have run. Only for a document load: a navigation inside the
 * app (a new sort, filter or range) renders at once and lets the panel fetch, as it always has.
 */
async function OverviewWithCurrentValues({ view }: { view: ViewState }) {
  const request = await headers();
  const documentLoad = request.get("sec-fetch-dest") === "document";
  const state = documentLoad ? await currentValuesState(view, request) : undefined;
  return (
    <HydrationBoundary state={state}>
      <OverviewClient view={view} />
    </HydrationBoundary>
  );
}

/** `/`: every service's RED at a glance. The shell streams first, the rows as soon as their values are in. */
export default async function OverviewPage({ searchParams }: OverviewPageProps) {
  const view = parseOverviewSearchParams(await searchParams);
  return (
    <Suspense fallback={<OverviewLoading view={view} />}>
      <OverviewWithCurrentValues view={view} />
    </Suspense>
  );
}
