import { readFileSync } from "node:fs";
import { inject, vi } from "vitest";

export const stack = () => inject("stack");

/** GET a dashboard path; returns status and parsed JSON body. */
export async function api<T = unknown>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${stack().dashboardUrl}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

/** One instant query straight to Prometheus (the shared stack's by default): the reference our API must agree with. */
export async function promQuery(
  query: string,
  time: number,
  prometheusUrl = stack().prometheusUrl,
): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const body = new URLSearchParams({ query, time: String(time) });
  const res = await fetch(`${prometheusUrl}/api/v1/query`, { method: "POST", body });
  const json = (await res.json()) as {
    status: string;
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  if (json.status !== "success") throw new Error(`query failed: ${query}`);
  return json.data.result;
}

/** Number of API queries Prometheus has evaluated so far (its query log, less rule evaluations). */
export function upstreamQueryCount(): number {
  try {
    return readFileSync(stack().queryLog, "utf8")
      .split("\n")
      .filter((line) => line && !line.includes('"ruleGroup"')).length;
  } catch {
    return 0;
  }
}

/** The API queries in Prometheus's query log (rule evaluations left out) whose text contains `text`. */
export function upstreamQueriesContaining(text: string): string[] {
  try {
    return readFileSync(stack().queryLog, "utf8")
      .split("\n")
      .filter((line) => line && !line.includes('"ruleGroup"') && line.includes(text));
  } catch {
    return [];
  }
}

/**
 * Our own counter of upstream requests, read from /metrics (of the shared dashboard, or of
 * `dashboardUrl`); with `promql`, only PromQL queries (the metric-name list is refreshed in the
 * background on its own schedule, whoever asked).
 */
export async function ourUpstreamQueries(opts: { promql?: boolean; dashboardUrl?: string } = {}): Promise<number> {
  const text = await (await fetch(`${opts.dashboardUrl ?? stack().dashboardUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith("signalboard_upstream_queries_total{")) continue;
    if (opts.promql && !/endpoint="query(_range)?"/.test(line)) continue;
    total += Number(line.split(" ").pop());
  }
  return total;
}

/** Drives the stack's Prometheus through the demo control server. */
export async function prometheusControl(action: "stop" | "start" | "pause" | "resume"): Promise<void> {
  const res = await fetch(`${stack().controlUrl}/prometheus/${action}`, { method: "POST" });
  if (!res.ok) throw new Error(`control ${action}: HTTP ${res.status}`);
}

/** Starts (or, with kind "clear", ends) a demo incident through the control server. */
export async function demoIncident(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${stack().controlUrl}/incident`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`incident ${JSON.stringify(body)}: HTTP ${res.status} ${await res.text()}`);
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs` saying what it waited for. */
export function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await check();
      if (value === undefined) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
      return value;
    },
    { timeout: timeoutMs, interval: 1000 },
  );
}
