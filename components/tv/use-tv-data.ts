import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useAlerts } from "@/components/alerts/use-alerts";
import { healthQuery, servicesNowQuery, slosNowQuery, statusQuery } from "@/components/app/queries";
import { useNodes } from "@/components/nodes/use-nodes";
import { shouldReload } from "@/lib/ui/build-check";
import { effectiveRefreshSeconds, refreshOptionAtLeast } from "@/lib/ui/tv-params";
import { DEFAULT_VIEW } from "@/lib/ui/url-state";

// The screen's keys never change, so the cache holds one entry per query; an unused one goes within a minute.
const TV_GC_MS = 60_000;
// The server's minimum refresh is configuration: asked for once, then rarely; retried sooner until known.
const STATUS_POLL_MS = 10 * 60_000;
const STATUS_RETRY_MS = 30_000;
// New deployments are rare; a wall screen may take a few minutes to notice one.
const HEALTH_POLL_MS = 5 * 60_000;

/** The server's minimum refresh interval in seconds; null until `/api/v1/status` has answered. */
function useServerMinimumRefresh(): number | null {
  const { data } = useQuery({
    ...statusQuery(),
    refetchInterval: (q) => (q.state.data ? STATUS_POLL_MS : STATUS_RETRY_MS),
    gcTime: TV_GC_MS,
  });
  return data?.limits.minRefreshSeconds ?? null;
}

/**
 * Reloads the page when the server runs another build than the one in this bundle, so screens move
 * onto a new version by themselves. Its own slow poll, apart from the data's.
 */
export function useReloadOnNewBuild(): void {
  const { data, dataUpdatedAt } = useQuery({ ...healthQuery(), refetchInterval: HEALTH_POLL_MS, gcTime: TV_GC_MS });
  // dataUpdatedAt too: an answer equal to the last one keeps its object, and a page too young to
  // reload at the first answer must still reload at the next.
  useEffect(() => {
    if (shouldReload(data?.build, process.env.NEXT_PUBLIC_SIGNALBOARD_BUILD, performance.now()))
      window.location.reload();
  }, [data, dataUpdatedAt]);
}

/**
 * Everything the wall screen shows, on one refresh interval: the asked-for one, never below the
 * server's minimum, and no polling at all until that minimum is known.
 */
export function useTvData(requestedRefreshSeconds: number, source: string) {
  const refreshSeconds = effectiveRefreshSeconds(requestedRefreshSeconds, useServerMinimumRefresh());
  const refetchInterval = refreshSeconds === null ? false : refreshSeconds * 1000;
  const services = useQuery({ ...servicesNowQuery(source), refetchInterval, gcTime: TV_GC_MS });
  const alerts = useAlerts({ refetchInterval, gcTime: TV_GC_MS, source });
  const slos = useQuery({ ...slosNowQuery(source), refetchInterval, gcTime: TV_GC_MS });
  // The nodes hook takes a page's view: the default range, at the refresh option matching ours.
  const nodes = useNodes({ ...DEFAULT_VIEW, source, refresh: refreshOptionAtLeast(refreshSeconds) });
  return { refreshSeconds, services, alerts, nodes, slos };
}
