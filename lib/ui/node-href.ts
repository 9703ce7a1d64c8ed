import { viewHref, type ViewState } from "./url-state";

/**
 * The link to one node's page (Kubernetes name or instance), keeping the view's range and settings;
 * with `source` where several sources are shown, since two clusters may have a node of one name.
 */
export function nodeHref(name: string, view: ViewState, source?: string): string {
  return viewHref(`/nodes/${encodeURIComponent(name)}`, source ? { ...view, source } : view);
}
