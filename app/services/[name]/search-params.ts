// The service page's URL state: which service (the name in the path, `namespace` where it has one)
// and the shared view (range, `at`, refresh, zone, theme). Sort and filter ride along untouched, so
// "back to all services" returns to the list as it was left.
import { serviceId, type ServiceId } from "@/lib/identity/service-identity";
import { parseViewState, type RawSearchParams, type ViewState } from "@/lib/ui/url-state";

export type ServiceSearchParams = ViewState;

// The API refuses longer or control-character namespaces; such a value cannot name one anyway.
const MAX_NAMESPACE = 256;
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;

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

/** The service the page is about: the path's name and the `namespace` parameter, when it is one the API would take. */
export function parseServiceIdentity(segment: string, raw: RawSearchParams): ServiceId {
  const value = raw instanceof URLSearchParams ? raw.get("namespace") : raw.namespace;
  const namespace = Array.isArray(value) ? value[0] : value;
  const valid = namespace && namespace.length <= MAX_NAMESPACE && PRINTABLE.test(namespace);
  return serviceId({ name: parseServiceName(segment), namespace: valid ? namespace : null });
}
