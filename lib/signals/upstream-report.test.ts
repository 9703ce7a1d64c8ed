import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { getMetrics } from "@/lib/metrics/registry";
import { upstreamHeaders } from "@/lib/prometheus/auth";
import { createPrometheusClient } from "@/lib/prometheus/client";
import { createUpstream } from "@/lib/prometheus/upstream";
import { upstreamReport } from "./upstream-report";

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
