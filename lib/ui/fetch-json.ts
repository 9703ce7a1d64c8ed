// The one place where the browser reads our API and turns its failures into one typed error.
import { HttpStatusError } from "@/lib/errors";
import type { ServiceCandidate } from "@/lib/model/types";

/**
 * A failed API call: the HTTP status (0 when the server was not reached), the API's error code, and
 * for a 409 `ambiguous_service` the services the name may mean.
 */
export class ApiRequestError extends HttpStatusError {
  override name = "ApiRequestError";
  constructor(
    status: number,
    code: string,
    message: string,
    param?: string,
    readonly candidates: readonly ServiceCandidate[] = [],
  ) {
    super(status, code, message, param);
  }
}

const isText = (v: unknown): v is string => typeof v === "string";

/** The candidates of an error body, those well-formed; anything else is no candidate. */
function candidatesOf(raw: unknown): ServiceCandidate[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c: unknown) => {
    if (typeof c !== "object" || c === null) return [];
    const { name, namespace, href } = c as Record<string, unknown>;
    if (!isText(name) || !isText(href) || (namespace !== undefined && !isText(namespace))) return [];
    return [{ name, href, ...(namespace ? { namespace } : {}) }];
  });
}

function errorBody(
  body: unknown,
): { code: string; message: string; param?: string; candidates: ServiceCandidate[] } | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const e = (body as { error: unknown }).error;
  if (typeof e !== "object" || e === null) return null;
  const { code, message, param, candidates } = e as Record<string, unknown>;
  if (!isText(code) || !isText(message)) return null;
  return { code, message, ...(isText(param) ? { param } : {}), candidates: candidatesOf(candidates) };
}

/** GETs `url` and returns its JSON; throws ApiRequestError for any failure, with the API's own code where it gave one. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (e) {
    // Aborts are TanStack Query cancelling a superseded request: let it see its own error.
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiRequestError(0, "network", "the signalboard server is not reachable");
  }
  // A proxy in front of us may answer with HTML or plain text; the status still says what happened.
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = errorBody(body);
    if (err) throw new ApiRequestError(res.status, err.code, err.message, err.param, err.candidates);
    throw new ApiRequestError(res.status, `http_${res.status}`, `HTTP ${res.status} ${res.statusText}`.trim());
  }
  if (body === null)
    throw new ApiRequestError(res.status, "bad_response", "the server answered with something that is not JSON");
  return body as T;
}

/** What failed, in words for a panel or banner: "Prometheus unavailable: connection refused". */
export function describeError(e: unknown): string {
  if (!(e instanceof ApiRequestError)) return e instanceof Error ? e.message : "unknown error";
  switch (e.code) {
    case "upstream_unavailable":
    case "upstream_tls_failed":
    case "upstream_auth_refused":
      return `Prometheus unavailable: ${e.message}`;
    case "upstream_timeout":
      return `Prometheus did not answer in time: ${e.message}`;
    case "upstream_error":
      return `Prometheus failed a query: ${e.message}`;
    case "network":
      return `No connection: ${e.message}`;
    default:
      return e.param ? `Bad request (${e.param}): ${e.message}` : e.message;
  }
}

/** 4xx answers will not change on retry; network and upstream failures may. */
export function isRetryable(e: unknown): boolean {
  if (!(e instanceof ApiRequestError)) return true;
  return e.status === 0 || e.status >= 500;
}

/** The code the server answers when a wall screen's TV link was revoked (lib/server/auth.ts). */
export const TV_TOKEN_REVOKED = "tv_token_revoked";

/** Whether `e` says this screen's TV link was revoked: no retry or older data will help. */
export function isAccessRevoked(e: unknown): boolean {
  return e instanceof ApiRequestError && e.code === TV_TOKEN_REVOKED;
}
