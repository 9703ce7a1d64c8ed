// Which service a row, a link, a query or an alert is about: one key type used end to end
// (docs/definitions.md, "Services"). Pure and without React or server code, so lib/ and
// components/ share it.
import type { ServiceCandidate } from "@/lib/model/types";

/**
 * A service: its name, the namespace where its convention has a namespace label, and the upstream
 * it came from (empty while there is one). Empty parts are left out, never set to "".
 */
export interface ServiceId {
  name: string;
  namespace?: string;
  source?: string;
}

/** A ServiceId from parts that may be empty, null or absent (labels, URL parameters). */
export function serviceId(parts: { name: string; namespace?: string | null; source?: string | null }): ServiceId {
  return {
    name: parts.name,
    ...(parts.namespace ? { namespace: parts.namespace } : {}),
    ...(parts.source ? { source: parts.source } : {}),
  };
}

/**
 * The identity as one string, for maps and React keys: `source/namespace/name`, each part
 * percent-encoded, so a `/` in a name (allowed) cannot be taken for a separator.
 */
export function serviceKey(id: ServiceId): string {
  return [id.source ?? "", id.namespace ?? "", id.name].map(encodeURIComponent).join("/");
}

/** The identity back from serviceKey's string; throws on a string serviceKey cannot have made. */
export function parseServiceKey(key: string): ServiceId {
  const parts = key.split("/");
  if (parts.length !== 3) throw new Error(`not a service key: ${JSON.stringify(key)}`);
  const [source, namespace, name] = parts.map(decodeURIComponent) as [string, string, string];
  return serviceId({ name, namespace, source });
}

/** How a person reads the identity: "reviews (staging)", the name alone where there is no namespace. */
export function identityLabel(id: ServiceId): string {
  return id.namespace ? `${id.name} (${id.namespace})` : id.name;
}

/**
 * The name of the one source a single `prometheus:` block makes (lib/config/schema.ts keeps it for
 * that): with it alone there is nothing to tell apart, so links leave it out.
 */
export const SINGLE_SOURCE = "default";

/** A source's name as the config allows it; anything else in a URL cannot name a source. */
export const SOURCE_NAME = /^[a-z0-9-]{1,32}$/;

/** The URL parameters that tell services of one name apart: only those the service has. */
export function identityParams(id: ServiceId): { namespace?: string; source?: string } {
  return {
    ...(id.namespace ? { namespace: id.namespace } : {}),
    ...(id.source && id.source !== SINGLE_SOURCE ? { source: id.source } : {}),
  };
}

/**
 * The service's page: `/services/{name}?namespace=…`, the namespace (and source) whenever the
 * service has one (the source where several are configured), so a link stays right when a same-named
 * service appears elsewhere later.
 * `query` (without `?`) is appended after them: the view (range, refresh…).
 */
export function servicePageHref(id: ServiceId, query = ""): string {
  const own = new URLSearchParams(identityParams(id)).toString();
  const search = [own, query].filter(Boolean).join("&");
  return `/services/${encodeURIComponent(id.name)}${search ? `?${search}` : ""}`;
}

/** A candidate of a 409 `ambiguous_service`: the service's parts and its page. */
export function serviceCandidate(id: ServiceId): ServiceCandidate {
  return {
    name: id.name,
    ...(id.namespace ? { namespace: id.namespace } : {}),
    ...(id.source ? { source: id.source } : {}),
    href: servicePageHref(id),
  };
}

/** What a request for a service finds among the known ones. */
export type Resolution =
  { kind: "found"; id: ServiceId } | { kind: "missing" } | { kind: "ambiguous"; candidates: ServiceId[] };

/**
 * Finds the service a request names among `known`. The parts asked for must match; a part not
 * asked for matches anything, except that a service without that part wins outright: its own link
 * leaves the part out, so it must lead to it. Several matches otherwise are ambiguous.
 */
export function resolveService(known: Iterable<ServiceId>, asked: ServiceId): Resolution {
  const matches = [...known].filter(
    (k) =>
      k.name === asked.name &&
      (asked.namespace === undefined || k.namespace === asked.namespace) &&
      (asked.source === undefined || k.source === asked.source),
  );
  if (matches.length === 0) return { kind: "missing" };
  if (matches.length === 1) return { kind: "found", id: matches[0] as ServiceId };
  const plain = matches.filter(
    (k) => (asked.namespace !== undefined || !k.namespace) && (asked.source !== undefined || !k.source),
  );
  if (plain.length === 1) return { kind: "found", id: plain[0] as ServiceId };
  const candidates = [...matches].sort((a, b) => serviceKey(a).localeCompare(serviceKey(b)));
  return { kind: "ambiguous", candidates };
}

/** What an alert says about the service it concerns: a name, a namespace where its labels have one, its source. */
export interface AlertTarget {
  service: string | null;
  namespace: string | null;
  /** The source the alert came from, where the answer says. */
  source?: string;
}

/**
 * An alert belongs to a service when it names it and, where the alert has a namespace, that is the
 * service's namespace. A service whose convention has no namespace label cannot be told apart by
 * namespace, so alerts of its name count for it whatever their namespace.
 */
export function alertBelongsTo(alert: AlertTarget, id: ServiceId): boolean {
  return (
    alert.service === id.name &&
    (!alert.namespace || !id.namespace || alert.namespace === id.namespace) &&
    (!alert.source || !id.source || alert.source === id.source)
  );
}
