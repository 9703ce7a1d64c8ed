import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema, conventionSchema } from "@/lib/config/schema";
import { getMetrics } from "@/lib/metrics/registry";
import { upstreamHeaders } from "@/lib/prometheus/auth";
import { createPrometheusClient } from "@/lib/prometheus/client";
import { createUpstream } from "@/lib/prometheus/upstream";
import { conventionStatuses, upstreamReport } from "./upstream-report";

describe("upstreamReport", () => {
  // The token is read before any request, so no upstream is asked: the port below need not answer.
  it("shows an unreadable token file as such, naming it, not as an unreachable upstream", async () => {
    const tokenFile = path.join(os.tmpdir(), `signalboard-no-such-token-${process.pid}-${Date.now()}`);
    const cfg = configSchema.parse({ prometheus: { url: "http://127.0.0.1:9", bearerTokenFile: tokenFile } });
    const client = createPrometheusClient({
      url: cfg.prometheus.url,
      timeoutMs: 1000,
      headers: upstreamHeaders(cfg.prometheus),
    });
    const report = await upstreamReport({ cfg, upstream: createUpstream(client, cfg, getMetrics()) }, 1_800_000_000);
    expect(report.upstream).toMatchObject({
      reachable: false,
      version: null,
      error: `cannot read prometheus.bearerTokenFile ${tokenFile}: ENOENT: no such file or directory`,
    });
  });
});

describe("conventionStatuses", () => {
  const conv = (name: string, requests: string, extra: object = {}) =>
    conventionSchema.parse({
      name,
      requests,
      duration: `${name}_duration_seconds`,
      serviceLabel: "job",
      statusLabel: "code",
      ...extra,
    });
  const a = conv("a", "a_requests_total");
  const b = conv("b", "b_requests_total");
  const mesh = conv("mesh", "mesh_requests_total", { matchers: { side: "server" } });
  const nolabel = conv("nolabel", "nolabel_requests_total");
  const gone = conv("gone", "gone_requests_total");
  const absent = conv("absent", "absent_requests_total");
  const all = [a, b, mesh, nolabel, gone, absent];
  const count = (convention: string, check: string, value: number) => ({ labels: { convention, check }, value });

  it("says per convention what exists, how many services it owns, and why one in use owns none", () => {
    const statuses = conventionStatuses(
      all,
      new Set(["a"]),
      {
        metricNames: [
          "a_requests_total",
          "a_duration_seconds_bucket",
          "b_requests_total",
          "mesh_requests_total",
          "nolabel_requests_total",
          "gone_requests_total",
        ],
        seen: [
          { service: "api", convention: "a" },
          { service: "web", convention: "a" },
          { service: "api", convention: "b" },
          { service: "web", convention: "b" },
          { convention: "nolabel" },
        ],
        counts: [count("mesh", "series", 4), count("nolabel", "series", 3), count("nolabel", "matched", 3)],
      },
      21600,
    );
    expect(
      statuses.map(({ name, custom, inUse, histogram, services, why }) => ({
        name,
        custom,
        inUse,
        histogram,
        services,
        why,
      })),
    ).toEqual([
      { name: "a", custom: true, inUse: true, histogram: true, services: 2, why: null },
      {
        name: "b",
        custom: false,
        inUse: true,
        histogram: false,
        services: 0,
        why: "the 2 services it sees are found first by a",
      },
      {
        name: "mesh",
        custom: false,
        inUse: true,
        histogram: false,
        services: 0,
        why: 'none of its mesh_requests_total series has side="server"',
      },
      {
        name: "nolabel",
        custom: false,
        inUse: true,
        histogram: false,
        services: 0,
        why: 'none of its nolabel_requests_total series has the service label "job"',
      },
      {
        name: "gone",
        custom: false,
        inUse: true,
        histogram: false,
        services: 0,
        why: "no gone_requests_total series in the last 6h",
      },
      { name: "absent", custom: false, inUse: false, histogram: false, services: 0, why: null },
    ]);
  });
});
