import { afterAll, describe, expect, it, vi } from "vitest";
import type { ServicesResponse } from "@/lib/model/types";
import { api, prometheusControl, stack } from "./helpers";
import { DEMO_SERVICES_WITH_TRAFFIC, waitForTraffic } from "../../demo/wait-for-traffic";

// Must match timeoutSeconds in the integration config (global-setup.ts).
const UPSTREAM_TIMEOUT_MS = 3000;

const overview = () => api<ServicesResponse>("/api/v1/services?from=now-15m&to=now");
const POLL = { timeout: 30_000, interval: 500 };
/** Waits until the overview is answered from Prometheus again. */
const fresh = () => expect.poll(async () => (await overview()).body.stale, POLL).toBe(false);

/**
 * Asks for the overview until an answer is stale (the cache keeps a good answer for about one
 * scrape first), and gives that answer with every status seen and the longest time one took.
 */
async function untilStale() {
  const statuses = new Set<number>();
  let slowestMs = 0;
  const stale = await vi.waitFor(async () => {
    const started = Date.now();
    const answer = await overview();
    slowestMs = Math.max(slowestMs, Date.now() - started);
    statuses.add(answer.status);
    expect(answer.body.stale).toBe(true);
    return answer;
  }, POLL);
  return { stale, statuses: [...statuses], slowestMs };
}

describe("stale, not blank", () => {
  afterAll(async () => {
    await prometheusControl("resume").catch(() => undefined);
    await prometheusControl("start").catch(() => undefined);
    // The next test files compare live numbers: wait until every service has a full window of current
    // values (the status window, 60 s by default, plus the 15 s the tests look back) again after the gap.
    await waitForTraffic(stack().dashboardUrl, {
      wanted: DEMO_SERVICES_WITH_TRAFFIC,
      timeoutMs: 150_000,
      at: "now-15s",
      since: Date.now() / 1000,
    });
  }, 160_000);

  it("serves the last good answer marked stale while Prometheus is down, and recovers", async () => {
    const good = await overview();
    expect(good.status).toBe(200);
    expect(good.body.stale).toBe(false);
    await prometheusControl("stop");
    const { stale, statuses } = await untilStale();
    // Every answer while Prometheus is down, fresh from the cache or stale, is a 200.
    expect(statuses).toEqual([200]);
    expect(stale.body.stale).toBe(true);
    expect(stale.body.ageSeconds).toBeGreaterThan(0);
    const names = (r: ServicesResponse) => r.services.map((s) => s.name).sort();
    expect(names(stale.body)).toEqual(names(good.body));

    const never = await api<{ error: { code: string } }>(`/api/v1/services/checkout?from=now-3d&to=now-2d`);
    expect(never.status).toBe(503);
    expect(never.body.error.code).toBe("upstream_unavailable");

    await prometheusControl("start");
    await fresh();
  });

  it("answers within the timeout when Prometheus hangs (SIGSTOP), and recovers on SIGCONT", async () => {
    await fresh();
    await prometheusControl("pause");
    const { stale, statuses, slowestMs } = await untilStale();
    expect(statuses).toEqual([200]);
    expect(stale.body.stale).toBe(true);
    // No answer waited on the hung Prometheus longer than the upstream timeout.
    expect(slowestMs).toBeLessThan(UPSTREAM_TIMEOUT_MS + 2000);
    await prometheusControl("resume");
    await fresh();
  });
});
