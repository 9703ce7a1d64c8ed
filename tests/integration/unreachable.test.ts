import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unhandledRejectionLines } from "../dashboard-log";
import { scratchDir, startExtraDashboard, type ExtraDashboard } from "./extra";
import { EXTRA_PORTS } from "./stack-info";

// Every read the pages make, and the pages themselves (the overview renders with its data on the server).
const API = [
  "/api/v1/nodes",
  "/api/v1/nodes/127.0.0.1:9100",
  "/api/v1/services",
  "/api/v1/services?series=only",
  "/api/v1/services/checkout",
  "/api/v1/alerts",
  "/api/v1/rules",
];
const PAGES = ["/", "/services/checkout", "/nodes/127.0.0.1:9100", "/tv"];

describe("an unreachable upstream", () => {
  let dashboard: ExtraDashboard;
  beforeAll(async () => {
    dashboard = await startExtraDashboard({
      dir: scratchDir("unreachable"),
      port: EXTRA_PORTS.dashboards[0] as number,
      prometheusUrl: `http://127.0.0.1:${EXTRA_PORTS.closed}`,
      scrapeIntervalSeconds: 5,
    });
  });
  afterAll(() => dashboard?.stop());

  it("answers 503 upstream_unavailable everywhere, and leaves no unhandled rejection in the server log", async () => {
    // Twice: the second round meets whatever the first left in the cache.
    for (let round = 0; round < 2; round++) {
      for (const path of API) {
        const res = await fetch(`${dashboard.url}${path}`);
        const body = (await res.json()) as { error?: { code: string } };
        expect(res.status, path).toBe(503);
        expect(body.error?.code, path).toBe("upstream_unavailable");
      }
      for (const path of PAGES) expect((await fetch(`${dashboard.url}${path}`)).status, path).toBe(200);
    }
    const status = (await (await fetch(`${dashboard.url}/api/v1/status`)).json()) as {
      upstream: { reachable: boolean };
    };
    expect(status.upstream.reachable).toBe(false);
    // Node reports a rejection as unhandled once its microtask queue is empty; the log is written just after.
    // A fixed wait on purpose: what is tested is that no such line comes, and an absence cannot be polled for.
    await sleep(1000);
    expect(unhandledRejectionLines(dashboard.logFile)).toEqual([]);
  });
});
