import { preload } from "react-dom";
import { servicesUrl } from "@/lib/ui/query-keys";
import { apiTimeParams, type ViewState } from "@/lib/ui/url-state";
import { OverviewClient } from "./client";
import { parseOverviewSearchParams } from "./search-params";

interface OverviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The first row waits for the current values: the browser starts that request while it parses the
 * HTML instead of after hydration, and the panel's own fetch of the same URL takes the preloaded
 * response. Resolved against the clock of this request, as the panel resolves it against its own.
 */
function preloadCurrentValues(view: ViewState): void {
  preload(servicesUrl(apiTimeParams(view, Date.now() / 1000)), { as: "fetch", crossOrigin: "anonymous" });
}

/** `/`: every service's RED at a glance. */
export default async function OverviewPage({ searchParams }: OverviewPageProps) {
  const view = parseOverviewSearchParams(await searchParams);
  preloadCurrentValues(view);
  return <OverviewClient view={view} />;
}
