import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDir, startExtraDashboard, startPrometheus, type ExtraDashboard, type ExtraPrometheus } from "./extra";
import { api, stack } from "./helpers";
import { EXTRA_PORTS } from "./stack-info";

interface Ready {
  ready: boolean;
  reason?: string;
  upstream?: { url: string; lastAnswerAt: string | null; lastError: { at: string; message: string } | null };
}

describe("/api/ready", () => {
  it("is ready against the test Prometheus, and /api/health stays the liveness answer", async () => {
    const { status, body } = await api<Ready>("/api/ready");
    expect(status).toBe(200);
    expect(body.ready).toBe(true);
    expect(body.upstream?.url).toBe(stack().prometheusUrl);
    expect(Date.now() - Date.parse(body.upstream?.lastAnswerAt ?? "")).toBeLessThan(60_000);
    expect((await api<{ status: string }>("/api/health")).body.status).toBe("ok");
  });

  describe("against a port where nothing listens", () => {
    let dashboard: ExtraDashboard;
    beforeAll(async () => {
      dashboard = await startExtraDashboard({
        dir: scratchDir("ready-closed"),
        port: EXTRA_PORTS.dashboards[0] as number,
        prometheusUrl: `http://127.0.0.1:${EXTRA_PORTS.closed}`,
        scrapeIntervalSeconds: 5,
      });
    });
    afterAll(() => dashboard?.stop());

    it("answers 503 with the reason and the last error, while /api/health still answers 200", async () => {
      const res = await fetch(`${dashboard.url}/api/ready`);
      const body = (await res.json()) as Ready;
      expect(res.status).toBe(503);
      expect(body.ready).toBe(false);
      expect(body.reason).toBe(
        `the upstream http://127.0.0.1:${EXTRA_PORTS.closed} has not answered since the server started; last error: ${body.upstream?.lastError?.message}`,
      );
      expect(body.upstream?.lastError?.message).toContain("ECONNREFUSED");
      expect((await fetch(`${dashboard.url}/api/health`)).status).toBe(200);
    });
  });

  describe("probed by many at once", () => {
    let prometheus: ExtraPrometheus;
    let dashboard: ExtraDashboard;
    beforeAll(async () => {
      const dir = scratchDir("ready-probes");
      // A Prometheus of its own, scraping nothing: every query in its log was sent by this dashboard (or marked).
      prometheus = await startPrometheus({
        dir,
        port: EXTRA_PORTS.prometheus,
        scrapeIntervalSeconds: 5,
        scrapeConfigs: [],
      });
      dashboard = await startExtraDashboard({
        dir,
        port: EXTRA_PORTS.dashboards[1] as number,
        prometheusUrl: prometheus.url,
        scrapeIntervalSeconds: 5,
      });
    });
    afterAll(async () => {
      await dashboard?.stop();
      await prometheus?.stop();
    });

    /** The queries Prometheus logged, once it has logged every query sent before now. */
    async function logged(): Promise<string[]> {
      const marker = `logmark-${randomBytes(6).toString("hex")}`;
      await fetch(`${prometheus.url}/api/v1/query`, {
        method: "POST",
        body: new URLSearchParams({ query: `absent(up{job="${marker}"})` }),
      });
      const read = () =>
        existsSync(prometheus.queryLog)
          ? readFileSync(prometheus.queryLog, "utf8")
              .split("\n")
              .filter(Boolean)
              .map((line) => (JSON.parse(line) as { params: { query: string } }).params.query)
          : [];
      await expect.poll(() => read().some((q) => q.includes(marker)), { timeout: 15_000 }).toBe(true);
      return read().filter((q) => !q.includes(marker));
    }

    it("sends the upstream one query for a hundred probes, fifty of them at once", async () => {
      const probe = async () => (await fetch(`${dashboard.url}/api/ready`)).status;
      const together = await Promise.all(Array.from({ length: 50 }, probe));
      const oneByOne: number[] = [];
      for (let i = 0; i < 50; i++) oneByOne.push(await probe());
      expect([...together, ...oneByOne]).toEqual(Array<number>(100).fill(200));
      expect(await logged()).toEqual(["1"]);
    });
  });
});
