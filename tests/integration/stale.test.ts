import { afterAll, describe, expect, it } from "vitest";
import type { ServicesResponse } from "@/lib/model/types";
import { api, prometheusControl, sleep, stack } from "./helpers";
import { DEMO_SERVICES_WITH_TRAFFIC, waitForTraffic } from "../../demo/wait-for-traffic";

// Must match timeoutSeconds in the integration config (global-setup.ts).
const UPSTREAM_TIMEOUT_MS = 3000;

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await fn();
    if (v !== undefined) return v;
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const overview = () => api<ServicesResponse>("/api/v1/services?from=now-15m&to=now");

describe("stale, not blank", () => {
  afterAll(async () => {
    await prometheusControl("resume").catch(() => undefined);
    await prometheusControl("start").catch(() => undefined);
    // The next test files compare live numbers: wait until every service has a full window of current
    // values (the status window, 60 s by default, plus the 15 s the tests look back) again after the gap.
    await waitForTraffic(stack().dashboardUrl, { wanted: DEMO_SERVICES_WITH_TRAFFIC, timeoutMs: 150_000, at: "now-15s", since: Date.now() / 1000 });
  }, 160_000);

  it("serves the last good answer marked stale while Prometheus is down, and recovers", async () => {
    const good = await overview();
    expect(good.status).toBe(200);
    expect(good.body.stale).toBe(false);
    await prometheusControl("stop");
    await sleep(6000); // past the cache's one-scrape lifetime
    const stale = await overview();
    expect(stale.status).toBe(200);
    expect(stale.body.stale).toBe(true);
    expect(stale.body.ageSeconds).toBeGreaterThan(0);
    const names = (r: ServicesResponse) => r.services.map((s) => s.name).sort();
    expect(names(stale.body)).toEqual(names(good.body));

    const never = await api<{ error: { code: string } }>(`/api/v1/services/checkout?from=now-3d&to=now-2d`);
    expect(never.status).toBe(503);
    expect(never.body.error.code).toBe("upstream_unavailable");

    await prometheusControl("start");
    await until("a fresh answer", async () => ((await overview()).body.stale === false ? true : undefined), 30_000);
  });

  it("answers within the timeout when Prometheus hangs (SIGSTOP), and recovers on SIGCONT", async () => {
    await until("a fresh answer", async () => ((await overview()).body.stale === false ? true : undefined), 30_000);
    await prometheusControl("pause");
    await sleep(6000);
    const started = Date.now();
    const hung = await overview();
    const took = Date.now() - started;
    expect(hung.status).toBe(200);
    expect(hung.body.stale).toBe(true);
    expect(took).toBeLessThan(UPSTREAM_TIMEOUT_MS + 2000);
    await prometheusControl("resume");
    await until("a fresh answer", async () => ((await overview()).body.stale === false ? true : undefined), 30_000);
  });
});
