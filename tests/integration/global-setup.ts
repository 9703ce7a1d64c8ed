import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startDashboard } from "../../demo/dashboard";
import { stopGroup, type Child } from "../../demo/processes";
import { startStack } from "../../demo/stack";
import { unhandledRejectionsReport } from "../dashboard-log";
import { DEMO_SERVICES_WITH_TRAFFIC, waitForTraffic } from "../../demo/wait-for-traffic";
import { startReaderPrometheus } from "./reader-prometheus";
import { INTEGRATION_BASE_PORT, INTEGRATION_DASHBOARD_PORT, type StackInfo } from "./stack-info";

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

/** Starts a real Prometheus, node_exporter, the demo fleet and the built dashboard on their own ports. */
export default async function setup(project: TestProject) {
  const root = resolve(__dirname, "../..");
  const dataDir = join(root, ".tmp", "integration");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  // With the demo's backfilled day of history (about 10 s), which tests/integration/history.test.ts reads.
  const stack = await startStack({
    basePort: INTEGRATION_BASE_PORT,
    dataDir,
    dashboardPort: INTEGRATION_DASHBOARD_PORT,
    history: true,
  });
  const liveSince = Math.floor(Date.now() / 1000);
  // A short upstream timeout, so the failure tests see stale answers quickly. No warm live ticks:
  // the tests count the upstream queries their requests cause (live-warm.test.ts runs a dashboard of its own).
  // checkout's own SLOs (slos.test.ts): a latency threshold of 0.3 s, between the buckets 0.25 and 0.5.
  const configFile = join(dataDir, "signalboard.yaml");
  writeFileSync(
    configFile,
    "prometheus:\n  timeoutSeconds: 3\n  scrapeIntervalSeconds: 5\nservices:\n  presets: true\ncache:\n  keepWarmSeconds: 0\n" +
      "slos:\n  services:\n    - service: checkout\n      availability: 0.999\n      latency: {objective: 0.99, thresholdSeconds: 0.3}\n",
  );
  const logFile = join(dataDir, "dashboard.log");
  const dashboardUrl = `http://127.0.0.1:${INTEGRATION_DASHBOARD_PORT}`;
  let dashboard: Child | undefined;
  let reader: Awaited<ReturnType<typeof startReaderPrometheus>> | undefined;
  try {
    reader = await startReaderPrometheus();
    dashboard = await startDashboard({
      root,
      port: INTEGRATION_DASHBOARD_PORT,
      prometheusUrl: stack.prometheusUrl,
      logFile,
      configFile,
    });
    // At now-15s (the tests read values at now-10s, which must already have a full rate window), and
    // live: the backfilled history has traffic from the first instant, so the window must lie after the stack's start.
    await waitForTraffic(dashboardUrl, {
      wanted: DEMO_SERVICES_WITH_TRAFFIC,
      timeoutMs: 120_000,
      at: "now-15s",
      since: liveSince,
    });
  } catch (e) {
    if (dashboard) await stopGroup(dashboard);
    await reader?.stop();
    await stack.stop();
    throw e;
  }
  const started = dashboard;
  const readerPrometheus = reader;
  project.provide("stack", {
    prometheusUrl: stack.prometheusUrl,
    controlUrl: stack.controlUrl,
    dashboardUrl,
    queryLog: join(dataDir, "query.log"),
    nodeExporterInstance: `127.0.0.1:${stack.ports.nodeExporter}`,
    readerPrometheusUrl: readerPrometheus.url,
  });
  return async () => {
    await stopGroup(started);
    await readerPrometheus.stop();
    await stack.stop();
    // Every test has run against this dashboard, Prometheus stopped and hung included: a forgotten
    // promise fails the run. Vitest only logs an error thrown here and exits 0, hence the exit code.
    const found = unhandledRejectionsReport(logFile);
    if (found) {
      console.error(found);
      process.exitCode = 1;
    }
  };
}
