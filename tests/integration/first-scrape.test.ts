import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServicesResponse } from "@/lib/model/types";
import { portMap } from "../../demo/ports";
import { scratchDir, startExtraDashboard, startPrometheus, type ExtraDashboard } from "./extra";
import { EXTRA_PORTS, INTEGRATION_BASE_PORT } from "./stack-info";

const SCRAPE_SECONDS = 1;

describe("a Prometheus that has not scraped yet", () => {
  let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
  let dashboard: ExtraDashboard;
  beforeAll(async () => {
    const dir = scratchDir("first-scrape");
    prometheus = await startPrometheus({
      dir,
      port: EXTRA_PORTS.prometheus,
      scrapeIntervalSeconds: SCRAPE_SECONDS,
      job: "checkout",
    });
    dashboard = await startExtraDashboard({
      dir,
      port: EXTRA_PORTS.dashboards[1] as number,
      prometheusUrl: prometheus.url,
      scrapeIntervalSeconds: SCRAPE_SECONDS,
    });
  });
  afterAll(async () => {
    await dashboard?.stop();
    await prometheus?.stop();
  });

  const services = async () =>
    (
      (await (await fetch(`${dashboard.url}/api/v1/services?from=now-5m&to=now`)).json()) as ServicesResponse
    ).services.map((s) => s.name);

  it("shows the services within seconds of the first scrape, not after the metadata TTL (60 s)", async () => {
    // No target yet: no metric names at all, as in the first seconds after Prometheus starts.
    expect(await services()).toEqual([]);
    // The shared stack's checkout instances: a prom-client service with traffic.
    prometheus.setTargets(
      portMap(INTEGRATION_BASE_PORT)
        .fleet.filter((i) => i.service === "checkout")
        .map((i) => i.address),
    );
    await expect.poll(services, { timeout: 20_000, interval: 1000 }).toContain("checkout");
  });
});
