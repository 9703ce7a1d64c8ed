import { viewHref, type ViewState } from "./url-state";

/** The link to one node's page (Kubernetes name or instance), keeping the view's range and settings. */
export function nodeHref(name: string, view: ViewState): string {
  return viewHref(`/nodes/${encodeURIComponent(name)}`, view);
}
