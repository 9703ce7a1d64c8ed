import { preload } from "react-dom";
import { servicesUrl } from "@/lib/ui/query-keys";
import { apiTimeParams } from "@/lib/ui/url-state";
import { OverviewClient } from "./client";
import { parseOverviewSearchParams } from "./search-params";

interface OverviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `/`: every service's RED at a glance. */
export default async function OverviewPage({ searchParams }: OverviewPageProps) {
  const view = parseOverviewSearchParams(await searchParams);
  // The first row waits for this answer: the browser starts it while it parses the HTML instead of
  // after hydration, and the panel's own fetch of the same URL takes the preloaded response.
  preload(servicesUrl(apiTimeParams(view, Date.now() / 1000)), { as: "fetch", crossOrigin: "anonymous" });
  return <OverviewClient view={view} />;
}
