// The node page's URL state: the shared view (range, `at`, refresh, zone, theme); the overview's
// sort and filter ride along untouched, so "back to the overview" returns to it as it was left.
import { parseViewState, type RawSearchParams, type ViewState } from "@/lib/ui/url-state";
// A node's path segment decodes exactly as a service's does (an instance's ":" arrives escaped).
export { parseServiceName as parseNodeName } from "@/app/services/[name]/search-params";

export type NodeSearchParams = ViewState;

/** Reads the node page's view; bad values fall back to the typed defaults. */
export function parseNodeSearchParams(raw: RawSearchParams): NodeSearchParams {
  return parseViewState(raw);
}
