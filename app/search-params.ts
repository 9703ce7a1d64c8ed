// The overview's URL state, declared once: range, refresh, zone and theme shared with every page,
// plus the overview's own sort and filter. Parsed on the server so the first HTML is already right.
import { parseViewState, type RawSearchParams, type ViewState } from "@/lib/ui/url-state";

export type OverviewSearchParams = ViewState;

/** Reads the overview's view from the page's search params; bad values fall back to the typed defaults. */
export function parseOverviewSearchParams(raw: RawSearchParams): OverviewSearchParams {
  return parseViewState(raw);
}
