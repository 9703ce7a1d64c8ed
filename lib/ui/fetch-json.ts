// The one place where the browser reads our API and turns its failures into one typed error.
import { HttpStatusError } from "@/lib/errors";

/** A failed API call: the HTTP status (0 when the server was not reached) and the API's error code. */
export class ApiRequestError extends HttpStatusError {
  override name = "ApiRequestError";
}

function errorBody(body: unknown): { code: string; message: string; param?: string } | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const e = (body as { error: unknown }).error;
  if (typeof e !== "object" || e === null) return null;
  const { code, message, param } = e as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return null;
  return typeof param === "string" ? { code, message, param } : { code, message };
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
    if (err) throw new ApiRequestError(res.status, err.code, err.message, err.param);
    throw new ApiRequestError(res.status, `http_${res.status}`, `HTTP ${res.status} ${res.statusText}`.trim());
  }
  if (body === null) throw new ApiRequestError(res.status, "bad_response", "the server answered with something that is not JSON");
  return body as T;
}

/** What failed, in words for a panel or banner: "Prometheus unavailable: connection refused". */
export function describeError(e: unknown): string {
  if (!(e instanceof ApiRequestError)) return e instanceof Error ? e.message : "unknown error";
  switch (e.code) {
    case "upstream_unavailable":
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
