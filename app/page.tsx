import { OverviewClient } from "./client";
import { parseOverviewSearchParams } from "./search-params";

interface OverviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `/`: every service's RED at a glance. */
export default async function OverviewPage({ searchParams }: OverviewPageProps) {
  return <OverviewClient view={parseOverviewSearchParams(await searchParams)} />;
}
