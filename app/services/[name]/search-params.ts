// The service page's URL state: which service (the name in the path, `namespace` where it has one)
// and the shared view (range, `at`, refresh, zone, theme). Sort and filter ride along untouched, so
// "back to all services" returns to the list as it was left.
import { serviceId, type ServiceId } from "@/lib/identity/service-identity";
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

/**
 * The service the page is about: the path's name and the `namespace` and `source` parameters as written. A value
 * the API refuses is passed on, so the page says what is wrong instead of showing another service.
 */
export function parseServiceIdentity(segment: string, raw: RawSearchParams): ServiceId {
  const param = (key: string) => {
    const value = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return serviceId({ name: parseServiceName(segment), namespace: param("namespace"), source: param("source") });
}
