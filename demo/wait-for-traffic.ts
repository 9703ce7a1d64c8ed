// One wait for "the dashboard shows data", shared by `npm run demo` (before it says it is running),
// the integration tests' setup and the e2e setup (no test-runner import: it runs outside a test).
import { istioServices } from "./conventions-model";
import { presetFixtureServices } from "./preset-fixtures";
import { fleet } from "./topology";

/**
 * Services with steady traffic: the fleet; search and ads (demo/otel-service.ts); email, the Istio
 * services and the preset fixtures of demo/conventions-sim.ts; and Prometheus itself, whose scrapes
 * of itself are requests.
 */
export const DEMO_SERVICES_WITH_TRAFFIC = fleet.length + 3 + istioServices.length + presetFixtureServices.length + 1;

export interface TrafficWait {
  /** Services that must show a request rate above zero. */
  wanted: number;
  timeoutMs: number;
  /** The instant asked about (`at`); the tests read values at now-10s, which must have a full rate window. */
  at?: string;
  /**
   * Unix seconds: the rate window of the instant checked must lie wholly after it. After Prometheus
   * was stopped or paused, data from before the gap proves nothing about now.
   */
  since?: number;
  /** Called with a progress line every `progressEveryMs` (default 10 s). */
  progress?: (line: string) => void;
  progressEveryMs?: number;
}

/** What the dashboard's /api/v1/services shows now: how many services have traffic, in words. */
async function look(dashboardUrl: string, o: TrafficWait): Promise<{ done: boolean; summary: string }> {
  const at = o.at ? `?at=${encodeURIComponent(o.at)}` : "";
  try {
    const res = await fetch(`${dashboardUrl}/api/v1/services${at}`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as {
      at?: number;
      window?: number;
      services?: { requestRate: number | null }[];
      error?: { message: string };
    };
    if (!res.ok) return { done: false, summary: `HTTP ${res.status}: ${body.error?.message ?? "no message"}` };
    const live = (body.services ?? []).filter((s) => (s.requestRate ?? 0) > 0).length;
    const after = (body.at ?? 0) - (body.window ?? 0) >= (o.since ?? 0);
    return {
      done: live >= o.wanted && after,
      summary: `${live} of ${o.wanted} services with traffic${after ? "" : " (window still before the gap)"}`,
    };
  } catch (e) {
    return { done: false, summary: String(e) };
  }
}

/** Resolves once the dashboard reports traffic for `wanted` services; throws, saying what it saw last, after `timeoutMs`. */
export async function waitForTraffic(dashboardUrl: string, o: TrafficWait): Promise<void> {
  const started = Date.now();
  let nextProgress = started + (o.progressEveryMs ?? 10_000);
  let last = "no answer";
  while (Date.now() - started < o.timeoutMs) {
    const seen = await look(dashboardUrl, o);
    if (seen.done) return;
    last = seen.summary;
    if (o.progress && Date.now() >= nextProgress) {
      o.progress(`waiting for the dashboard to show traffic: ${last} (${Math.round((Date.now() - started) / 1000)} s)`);
      nextProgress += o.progressEveryMs ?? 10_000;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(
    `the dashboard showed no traffic for ${o.wanted} services within ${o.timeoutMs / 1000} s (last: ${last})`,
  );
}
