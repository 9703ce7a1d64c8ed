// The service page's URL state: the shared view (range, `at`, refresh, zone, theme). Sort and filter
// ride along untouched, so "back to all services" returns to the list as it was left.
import { parseViewState, type RawSearchParams, type ViewState } from "@/lib/ui/url-state";

export type ServiceSearchParams = ViewState;

/** Reads the service page's view; bad values fall back to the typed defaults. */
export function parseServiceSearchParams(raw: RawSearchParams): ServiceSearchParams {
  return parseViewState(raw);
}

/** The service name from the path segment, decoded once; a malformed escape is kept as written. */
export function parseServiceName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
