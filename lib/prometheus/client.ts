import { upstreamDiagnosis, type Diagnosis } from "./diagnosis";
import { isTimeoutReason, upstreamErrorFromResponse, UpstreamError } from "./errors";
import { withoutCredentials } from "./redact-url";
import type { Answer, BuildInfo, Labels, QueryResult, UpstreamAlert, UpstreamRuleGroup } from "./types";

export interface ClientOptions {
  /** Base URL, possibly with a path prefix (Mimir serves under /prometheus). */
  url: string;
  timeoutMs: number;
  /** Sent with every request: tenant headers (X-Scope-OrgID), Authorization. */
  headers?: () => Record<string, string>;
  fetch?: typeof fetch;
  /** Words refusals and TLS failures in terms of the settings to fix (default: generic advice). */
  diagnosis?: Diagnosis;
}

export interface PrometheusClient {
  /** Instant query at `time` (unix seconds). */
  query(query: string, time: number, signal?: AbortSignal): Promise<Answer<QueryResult>>;
  /** Range query; start, end and step in seconds. */
  queryRange(
    query: string,
    start: number,
    end: number,
    step: number,
    signal?: AbortSignal,
  ): Promise<Answer<QueryResult>>;
  /** Label sets of the series matching any of the selectors. */
  series(match: string[], start: number, end: number, signal?: AbortSignal): Promise<Answer<Labels[]>>;
  /** Names of all labels. */
  labels(signal?: AbortSignal): Promise<Answer<string[]>>;
  /** Values of one label (`__name__` lists metric names). */
  labelValues(name: string, signal?: AbortSignal, match?: string[]): Promise<Answer<string[]>>;
  /** Firing and pending alerts of the rule evaluator. */
  alerts(signal?: AbortSignal): Promise<Answer<{ alerts: UpstreamAlert[] }>>;
  /** Rule groups, alerting and recording. */
  rules(signal?: AbortSignal): Promise<Answer<{ groups: UpstreamRuleGroup[] }>>;
  /** Version of the upstream server. */
  buildInfo(signal?: AbortSignal): Promise<Answer<BuildInfo>>;
}

type Params = [string, string][];

/** A typed client for the Prometheus HTTP API; one place handles timeouts and error answers. */
export function createPrometheusClient(opts: ClientOptions): PrometheusClient {
  const base = opts.url.replace(/\/+$/, "");
  const shownBase = withoutCredentials(base);
  const doFetch = opts.fetch ?? fetch;
  const diagnosis = opts.diagnosis ?? upstreamDiagnosis({ url: base });

  async function call<T>(
    path: string,
    params: Params,
    method: "GET" | "POST",
    signal?: AbortSignal,
  ): Promise<Answer<T>> {
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const body = new URLSearchParams(params);
    const url = method === "GET" && params.length ? `${base}${path}?${body}` : `${base}${path}`;
    // Read before the try: a credentials file we cannot read is not an unreachable upstream.
    const extraHeaders = opts.headers?.();
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        // Long PromQL goes in a form body: URLs are limited, bodies are not.
        body: method === "POST" ? body : undefined,
        headers: {
          Accept: "application/json",
          ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
          ...extraHeaders,
        },
        signal: combined,
        cache: "no-store",
      });
    } catch (e) {
      throw abortOrNetworkError(e, combined, opts.timeoutMs, shownBase, diagnosis);
    }
    // Gateways answer a refusal in their own format (Mimir: text/plain, an OAuth proxy: HTML).
    if (res.status === 401 || res.status === 403)
      throw new UpstreamError("auth", diagnosis.refused(res.status, await refusalDetail(res)), res.status);
    let parsed: unknown;
    try {
      parsed = await res.json();
    } catch (e) {
      if (combined.aborted) throw abortOrNetworkError(e, combined, opts.timeoutMs, shownBase, diagnosis);
      // Prometheus answers 503 in text/plain while it starts, and proxies send HTML error pages.
      throw new UpstreamError(
        res.ok ? "execution" : "unavailable",
        `${res.status} ${res.statusText}: not a JSON answer from ${path}`,
        res.status,
      );
    }
    const payload = parsed as { status?: string; data?: T; warnings?: string[] };
    if (!res.ok || payload.status !== "success") throw upstreamErrorFromResponse(res.status, parsed);
    return { data: payload.data as T, warnings: Array.isArray(payload.warnings) ? payload.warnings : [] };
  }

  return {
    query: (query, time, signal) =>
      call(
        "/api/v1/query",
        [
          ["query", query],
          ["time", String(time)],
        ],
        "POST",
        signal,
      ),
    queryRange: (query, start, end, step, signal) =>
      call(
        "/api/v1/query_range",
        [
          ["query", query],
          ["start", String(start)],
          ["end", String(end)],
          ["step", String(step)],
        ],
        "POST",
        signal,
      ),
    series: (match, start, end, signal) =>
      call(
        "/api/v1/series",
        [...match.map((m): [string, string] => ["match[]", m]), ["start", String(start)], ["end", String(end)]],
        "POST",
        signal,
      ),
    labels: (signal) => call("/api/v1/labels", [], "GET", signal),
    labelValues: (name, signal, match) =>
      call(
        `/api/v1/label/${encodeURIComponent(name)}/values`,
        (match ?? []).map((m): [string, string] => ["match[]", m]),
        "GET",
        signal,
      ),
    alerts: (signal) => call("/api/v1/alerts", [], "GET", signal),
    rules: (signal) => call("/api/v1/rules", [], "GET", signal),
    buildInfo: (signal) => call("/api/v1/status/buildinfo", [], "GET", signal),
  };
}

/**
 * A timeout, ours or the caller's deadline (both abort with a TimeoutError), is transient: the
 * last good answer may stand in. Any other abort is a cancel.
 */
function abortOrNetworkError(
  e: unknown,
  signal: AbortSignal,
  timeoutMs: number,
  base: string,
  diagnosis: Diagnosis,
): UpstreamError {
  if (signal.aborted && isTimeoutReason(signal.reason))
    return new UpstreamError("timeout", `no answer from the upstream within ${timeoutMs / 1000} s`);
  if (e instanceof UpstreamError) return e;
  if ((e as Error)?.name === "AbortError") return new UpstreamError("canceled", "the request was canceled");
  const cause = (e as { cause?: { code?: string } })?.cause;
  const known = diagnosis.connectionFailure(cause);
  if (known) return new UpstreamError(known.kind, known.message);
  const code = cause?.code;
  return new UpstreamError("network", `cannot reach the upstream at ${base}${code ? ` (${code})` : ""}`);
}

const MAX_DETAIL_CHARS = 200;

/** A refusal's own short reason: Prometheus's `error`, or the first line of a plain-text body; none from HTML. */
async function refusalDetail(res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  if ((res.headers.get("content-type") ?? "").includes("html")) return "";
  let detail = text;
  try {
    const error = (JSON.parse(text) as { error?: unknown }).error;
    if (typeof error === "string") detail = error;
  } catch {
    // not JSON: the text itself
  }
  return (detail.trim().split("\n")[0] ?? "").slice(0, MAX_DETAIL_CHARS);
}
