import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServicesResponse, StatusResponse } from "@/lib/model/types";
import { stack } from "./helpers";
import { scratchDir, startExtraDashboard, startPrometheus, type ExtraDashboard } from "./extra";
import { EXTRA_PORTS } from "./stack-info";

const SCRAPE_SECONDS = 1;

// A Prometheus that scrapes only node_exporter: no convention matches, as for a new user whose
// services are instrumented in a way signalboard does not know.
describe("an upstream where no convention matches", () => {
  let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
  let dashboard: ExtraDashboard;
  beforeAll(async () => {
    const dir = scratchDir("empty-discovery");
    prometheus = await startPrometheus({
      dir,
      port: EXTRA_PORTS.prometheus,
      scrapeIntervalSeconds: SCRAPE_SECONDS,
      job: "node",
    });
    prometheus.setTargets([stack().nodeExporterInstance]);
    dashboard = await startExtraDashboard({
      dir,
      port: EXTRA_PORTS.dashboards[0] as number,
      prometheusUrl: prometheus.url,
      scrapeIntervalSeconds: SCRAPE_SECONDS,
      // A custom convention whose counter exists but whose service label no series has.
      services: [
        "  conventions:",
        "    - name: handler",
        "      requests: promhttp_metric_handler_requests_total",
        "      duration: promhttp_metric_handler_duration_seconds",
        "      serviceLabel: service",
        "      statusLabel: code",
        "",
      ].join("\n"),
    });
  });
  afterAll(async () => {
    await dashboard?.stop();
    await prometheus?.stop();
  });

  /** The metric names as Prometheus itself lists them. */
  const upstreamNames = async () =>
    ((await (await fetch(`${prometheus.url}/api/v1/label/__name__/values`)).json()) as { data: string[] }).data;

  it("answers no services with the metrics it looked for and real upstream names as suggestions", async () => {
    const services = async () =>
      (await (await fetch(`${dashboard.url}/api/v1/services?from=now-5m&to=now`)).json()) as ServicesResponse;
    // node_exporter serves its own /metrics through promhttp, which counts those requests.
    await expect
      .poll(async () => (await services()).discovery?.suggestions ?? [], { timeout: 20_000, interval: 1000 })
      .toContain("promhttp_metric_handler_requests_total");
    const body = await services();
    expect(body.services).toEqual([]);
    expect(body.discovery?.lookedFor).toEqual(
      expect.arrayContaining([
        "promhttp_metric_handler_requests_total",
        "http_request_duration_seconds_count",
        "http_server_request_duration_seconds_count",
        "istio_requests_total",
        "nginx_ingress_controller_requests",
      ]),
    );
    const names = new Set(await upstreamNames());
    const suggestions = body.discovery?.suggestions ?? [];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(8);
    expect(suggestions.filter((s) => !names.has(s))).toEqual([]);
  });

  it("reports the presets as absent, and why the custom convention that is present finds nothing", async () => {
    const report = async () => (await (await fetch(`${dashboard.url}/api/v1/status`)).json()) as StatusResponse;
    // Asked at an instant just before the first scrape's timestamp, the counts are still empty: wait for them.
    await expect
      .poll(async () => (await report()).conventions[0]?.why, { timeout: 10_000, interval: 1000 })
      .toContain("service label");
    const status = await report();
    expect(status.upstream.reachable).toBe(true);
    expect(status.conventions.length).toBeGreaterThan(0);
    expect(status.conventions.find((c) => c.name === "prom-client")).toEqual({
      name: "prom-client",
      custom: false,
      inUse: false,
      histogram: false,
      services: 0,
      why: null,
      requests: "http_request_duration_seconds_count",
      duration: "http_request_duration_seconds",
      serviceLabel: "job",
      rules: { state: "absent", since: null, lastEvaluation: null },
    });
    expect(status.conventions[0]).toEqual({
      name: "handler",
      custom: true,
      inUse: true,
      histogram: false,
      services: 0,
      why: 'none of its promhttp_metric_handler_requests_total series has the service label "service"',
      requests: "promhttp_metric_handler_requests_total",
      duration: "promhttp_metric_handler_duration_seconds",
      serviceLabel: "service",
      rules: { state: "absent", since: null, lastEvaluation: null },
    });
    expect(status.conventions.filter((c) => c.name !== "handler" && (c.inUse || c.services > 0))).toEqual([]);
  });
});
