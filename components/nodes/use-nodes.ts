import { useQuery } from "@tanstack/react-query";
import { nodeQuery, nodesQuery } from "@/components/app/queries";
import type { ViewState } from "@/lib/ui/url-state";

/** Every node's current USE values and the cluster's health, polled at the view's refresh interval. */
export function useNodes(view: ViewState) {
  return useQuery(nodesQuery(view));
}

/** One node's series, filesystems and Kubernetes data over the range. */
export function useNodeDetail(name: string, view: ViewState) {
  return useQuery(nodeQuery(name, view));
}
