import { ZodError } from "zod";
import { AmbiguousError, DomainError, HttpStatusError, NotFoundError } from "@/lib/errors";
import { UpstreamError } from "@/lib/prometheus/errors";
import { RateLimitedError } from "@/lib/server/client-budget";
import type { ServiceCandidate } from "@/lib/model/types";

/** What an error adds beside code, message and param: the services an ambiguous name may mean. */
export interface ErrorDetails {
  candidates?: ServiceCandidate[];
}

/** The error body of every endpoint: `{"error": {"code", "message", "param"?, …details}}`. */
export interface ErrorBody {
  error: { code: string; message: string; param?: string } & ErrorDetails;
}

/** An answer we give on purpose, with its HTTP status. */
export class ApiError extends HttpStatusError {
  override name = "ApiError";
}

/** The HTTP status of a domain error: 404 for what does not exist, 409 for a name that means several things; 400 for bad input and any other. */
function domainStatus(e: DomainError): number {
  if (e instanceof NotFoundError) return 404;
  if (e instanceof AmbiguousError) return 409;
  return 400;
}

/** What a domain error adds to the body: an ambiguous name's candidates. */
function domainDetails(e: DomainError): ErrorDetails {
  return e instanceof AmbiguousError ? { candidates: [...e.candidates] } : {};
}

/** Maps any error to one HTTP status, body and extra headers; the one place where that mapping lives. */
export function errorResponse(e: unknown): {
  status: number;
  body: ErrorBody;
  internal: boolean;
  headers?: Record<string, string>;
} {
  const body = (code: string, message: string, param?: string): ErrorBody => ({
    error: param ? { code, message, param } : { code, message },
  });
  if (e instanceof RateLimitedError)
    return {
      status: e.status,
      body: body(e.code, e.message),
      internal: false,
      headers: { "Retry-After": String(e.retryAfterSeconds) },
    };
  if (e instanceof ApiError) return { status: e.status, body: body(e.code, e.message, e.param), internal: false };
  if (e instanceof DomainError)
    return {
      status: domainStatus(e),
      body: { error: { ...body(e.code, e.message, e.param).error, ...domainDetails(e) } },
      internal: false,
    };
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    const param = issue?.path.join(".") || undefined;
    return {
      status: 400,
      body: body("invalid_param", issue ? `${param ?? "request"}: ${issue.message}` : "invalid request", param),
      internal: false,
    };
  }
  if (e instanceof UpstreamError) {
    if (e.kind === "timeout") return { status: 504, body: body("upstream_timeout", e.message), internal: false };
    if (e.kind === "config") return { status: 503, body: body("upstream_auth_unreadable", e.message), internal: false };
    if (e.kind === "tls") return { status: 503, body: body("upstream_tls_failed", e.message), internal: false };
    if (e.kind === "auth") return { status: 503, body: body("upstream_auth_refused", e.message), internal: false };
    if (e.kind === "bad_data" || e.kind === "execution")
      return {
        status: 502,
        body: body("upstream_error", `the upstream rejected a query: ${e.message}`),
        internal: false,
      };
    return { status: 503, body: body("upstream_unavailable", e.message), internal: false };
  }
  return { status: 500, body: body("internal", "internal error; see the server log"), internal: true };
}
