/**
 * What went wrong upstream. `bad_data` and `execution` come from Prometheus's own errorType;
 * `timeout` is ours or Prometheus's; `unavailable` is a 5xx or a non-JSON answer; `network` is no answer;
 * `tls` is a TLS connection refused by either side; `auth` is a 401 or 403 (credentials refused);
 * `config` is our own setup failing before any request (a credentials file we cannot read).
 */
export type UpstreamErrorKind =
  "bad_data" | "timeout" | "unavailable" | "network" | "canceled" | "execution" | "config" | "tls" | "auth";

// Next bundles routes and server-rendered pages apart, each with its own copy of this class, while
// the upstream is one per process (lib/server/singleton.ts): an error made by one copy must pass
// `instanceof` of every other, or a page's upstream timeout would reach a route as a 500.
const UPSTREAM_ERROR = Symbol.for("signalboard.UpstreamError");

export class UpstreamError extends Error {
  override name = "UpstreamError";
  readonly [UPSTREAM_ERROR] = true;
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[UPSTREAM_ERROR] === true;
  }

  /**
   * Whether the same question may succeed later, so a stale copy is a fair answer meanwhile. A
   * config error waits for the operator, and a stale copy would hide what they must fix. A refused
   * token or certificate (`auth`, `tls`) is often a rotation half done, one side before the other:
   * the stale copy stands in, and the answer names the refusal (its `staleReason`).
   */
  get transient(): boolean {
    return this.kind !== "bad_data" && this.kind !== "canceled" && this.kind !== "config";
  }
}

/** The reason AbortSignal.timeout aborts with: a deadline passed, ours or the caller's. */
export function isTimeoutReason(reason: unknown): boolean {
  return reason instanceof DOMException && reason.name === "TimeoutError";
}

// Prometheus names errorType as a string; VictoriaMetrics sends the HTTP status as a number instead.
const PROMETHEUS_ERROR_TYPES: Record<string, UpstreamErrorKind> = {
  bad_data: "bad_data",
  timeout: "timeout",
  canceled: "canceled",
  execution: "execution",
  unavailable: "unavailable",
  internal: "execution",
  not_found: "bad_data",
};

/** Turns an error answer (status + parsed or unparsable body) into one UpstreamError. */
export function upstreamErrorFromResponse(status: number, body: unknown): UpstreamError {
  const b = (typeof body === "object" && body !== null ? body : {}) as { errorType?: unknown; error?: unknown };
  const message = typeof b.error === "string" && b.error ? b.error : `HTTP ${status}`;
  if (typeof b.errorType === "string" && Object.hasOwn(PROMETHEUS_ERROR_TYPES, b.errorType)) {
    return new UpstreamError(PROMETHEUS_ERROR_TYPES[b.errorType] as UpstreamErrorKind, message, status);
  }
  return new UpstreamError(kindFromStatus(status), message, status);
}

function kindFromStatus(status: number): UpstreamErrorKind {
  if (status === 400 || status === 404) return "bad_data";
  if (status === 422) return "execution";
  if (status === 504 || status === 408) return "timeout";
  return "unavailable";
}
