import { useQuery } from "@tanstack/react-query";
import type { NodeDetailResponse, NodesResponse } from "@/lib/model/node-types";
import { fetchJson } from "@/lib/ui/fetch-json";
import { nodeUrl, nodesUrl, queryKeys, timeKeyOf } from "@/lib/ui/query-keys";
import { apiTimeParams, refreshIntervalMs, type ViewState } from "@/lib/ui/url-state";

/** Chart width the node page asks for: the API's 300-point maximum, as on the service page. */
export const NODE_CHART_WIDTH = 900;

/** Every node's current USE values and the cluster's health, polled at the view's refresh interval. */
export function useNodes(view: ViewState) {
  const time = timeKeyOf(view);
  return useQuery({
    queryKey: queryKeys.nodes(time),
    // Resolved when the request is made, not at render: an `at` window follows the clock on refresh.
    queryFn: ({ signal }) => fetchJson<NodesResponse>(nodesUrl(apiTimeParams(time, Date.now() / 1000)), signal),
    refetchInterval: refreshIntervalMs(view.refresh),
  });
}

/** One node's series, filesystems and Kubernetes data over the range. */
export function useNodeDetail(name: string, view: ViewState) {
  const time = timeKeyOf(view);
  return useQuery({
    queryKey: queryKeys.node(name, time, NODE_CHART_WIDTH),
    queryFn: ({ signal }) => fetchJson<NodeDetailResponse>(nodeUrl(name, apiTimeParams(time, Date.now() / 1000), NODE_CHART_WIDTH), signal),
    refetchInterval: refreshIntervalMs(view.refresh),
  });
}
