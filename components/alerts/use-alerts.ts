import { useQuery } from "@tanstack/react-query";
import { alertsQuery } from "@/components/app/queries";

export interface UseAlertsOptions {
  /** ms between refreshes, or false for none. */
  refetchInterval: number | false;
  /** ms an unused copy is kept; the wall screen keeps less than the default. */
  gcTime?: number;
  /** The source the page is narrowed to; "" or absent for all. */
  source?: string;
}

/**
 * The alerts firing and pending now. One query for the whole app: the overview's badges, the service
 * page's list and the wall screen read the same cache entry, whatever range each page shows.
 */
export function useAlerts({ refetchInterval, gcTime, source = "" }: UseAlertsOptions) {
  return useQuery({ ...alertsQuery(source), refetchInterval, ...(gcTime === undefined ? {} : { gcTime }) });
}
