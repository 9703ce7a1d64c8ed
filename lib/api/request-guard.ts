import type { ErrorBody } from "./errors";

/**
 * Longest request target (path and query, as sent) that we read. Our own URLs stay far below it (a
 * name and each parameter are at most MAX_PARAM_LENGTH characters); 8 KiB is what common proxies
 * accept on a request line (nginx's large_client_header_buffers, Apache's LimitRequestLine), and it
 * lies under Node's 16 KiB limit on the request line and headers together, so a long URL meets this
 * clear 414 before Node's bare 431.
 */
export const MAX_URL_LENGTH = 8192;

/** Whether a path is the JSON API's (its refusals are JSON, a page's are not). */
export const isApiPath = (pathname: string): boolean => pathname === "/api" || pathname.startsWith("/api/");

/** A request answered before any route runs: JSON under /api/, plain text elsewhere, where a browser shows it as it is. */
export function refusedBeforeRoutes(api: boolean, status: number, code: string, message: string): Response {
  if (api) return Response.json({ error: { code, message } } satisfies ErrorBody, { status });
  return new Response(`${status}: ${message}.\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * The answer to a request refused before any route runs, or null to let it through: 414 for a URL
 * over MAX_URL_LENGTH, 400 for a path that is not valid percent-encoding (which Next would answer
 * with a bare 500). JSON under /api/, plain text elsewhere, where a browser shows it as it is.
 */
export function refuseRequest(url: URL): Response | null {
  const refuse = (status: number, code: string, message: string) =>
    refusedBeforeRoutes(isApiPath(url.pathname), status, code, message);
  if (url.pathname.length + url.search.length > MAX_URL_LENGTH)
    return refuse(
      414,
      "uri_too_long",
      `the URL is longer than ${MAX_URL_LENGTH} characters; signalboard's own links are far shorter`,
    );
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return refuse(400, "invalid_path", "the path is not valid percent-encoding");
  }
  return null;
}
