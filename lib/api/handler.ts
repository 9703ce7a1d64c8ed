import "server-only";
import { randomUUID } from "node:crypto";
import { getMetrics } from "@/lib/metrics/registry";
import { asClient } from "@/lib/server/client-budget";
import { decodeUser, USER_HEADER } from "@/lib/server/auth";
import { getLogger } from "@/lib/server/log";
import { errorResponse } from "./errors";

type RouteContext = { params: Promise<Record<string, string>> };
type Handler = (request: Request, params: Record<string, string>) => Promise<unknown>;

/**
 * Wraps a route handler: JSON out (or the handler's own Response, e.g. YAML), one error mapping,
 * a request id, a log line (with the signed-in user) and our own metrics; errors are JSON whatever the handler answers. The
 * upstream queries the handler causes are counted against the request's client (server.rateLimit).
 * `route` is the template (`/api/v1/services/[name]`), so metric labels stay bounded.
 */
export function apiRoute(route: string, handler: Handler) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const metrics = getMetrics();
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    const started = performance.now();
    let status = 200;
    let body: unknown;
    let errorHeaders: Record<string, string> = {};
    try {
      const params = await context.params;
      body = await asClient(request.headers, () => handler(request, params));
    } catch (e) {
      const mapped = errorResponse(e);
      status = mapped.status;
      body = mapped.body;
      errorHeaders = mapped.headers ?? {};
      if (mapped.internal) getLogger().error({ requestId, route, err: e }, "unhandled error");
    }
    const seconds = (performance.now() - started) / 1000;
    metrics.httpRequests.inc({ route, status_code: String(status) });
    metrics.httpDuration.observe({ route }, seconds);
    // The signed-in user (auth.mode), only where there is one: with mode none the line is as it was.
    const user = decodeUser(request.headers.get(USER_HEADER)) ?? undefined;
    getLogger().info({ requestId, route, status, durationMs: Math.round(seconds * 1000), user }, "request");
    const headers = { "Cache-Control": "no-store", "X-Request-Id": requestId, ...errorHeaders };
    if (body instanceof Response) {
      for (const [name, value] of Object.entries(headers)) body.headers.set(name, value);
      return body;
    }
    return Response.json(body, { status, headers });
  };
}
