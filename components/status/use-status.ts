import { useQuery } from "@tanstack/react-query";
import { statusQuery } from "@/components/app/queries";

// Discovery changes slowly (metric names are cached for a minute upstream-side); a page left open keeps up.
const STATUS_POLL_MS = 30_000;

/** The status page's one query: `/api/v1/status`, polled slowly. */
export function useStatus() {
  return useQuery({ ...statusQuery(), refetchInterval: STATUS_POLL_MS });
}
