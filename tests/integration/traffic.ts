// Shared by the global setup and by tests that disturb the stack (no vitest import: the setup runs outside a test).

/**
 * Waits until the dashboard reports traffic for every demo service: the tests compare live numbers.
 * With `since` (unix seconds), the rate window of the instant checked must also lie wholly after it:
 * after Prometheus was stopped or paused, data from before the gap proves nothing about now.
 */
export async function waitForTraffic(dashboardUrl: string, wanted: number, timeoutMs: number, since = 0): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      // At now-15s: the tests read values at now-10s, which must already have a full rate window.
      const body = (await (await fetch(`${dashboardUrl}/api/v1/services?at=now-15s`)).json()) as { at?: number; window?: number; services?: { requestRate: number | null }[] };
      const live = (body.services ?? []).filter((s) => (s.requestRate ?? 0) > 0).length;
      const after = (body.at ?? 0) - (body.window ?? 0) >= since;
      last = `${live} services with traffic${after ? "" : " (window still before the gap)"}`;
      if (live >= wanted && after) return;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the demo stack had no traffic for ${wanted} services within ${timeoutMs / 1000} s (${last})`);
}
