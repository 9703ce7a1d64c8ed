import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDir, startExtraDashboard, type ExtraDashboard } from "./extra";
import { ourUpstreamQueries, stack } from "./helpers";
import { EXTRA_PORTS } from "./stack-info";

// Small enough to reach in a few requests: each overview at a new instant is about 7 upstream queries.
const PER_MINUTE = 30;
const BURST = 20;
// Clients told apart by their own socket address: Linux answers every 127.0.0.0/8 address on loopback.
const A = "127.0.0.2";
const B = "127.0.0.3";
const PROXY = "127.0.0.4";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { error?: { code: string; message: string } };
}

describe("the rate limit (server.rateLimit)", () => {
  let dashboard: ExtraDashboard;
  beforeAll(async () => {
    dashboard = await startExtraDashboard({
      dir: scratchDir("rate-limit"),
      port: EXTRA_PORTS.dashboards[0] as number,
      prometheusUrl: stack().prometheusUrl,
      scrapeIntervalSeconds: 5,
      config: `server:\n  rateLimit: {upstreamQueriesPerMinute: ${PER_MINUTE}, burst: ${BURST}, trustedProxies: ["${PROXY}"]}\n`,
    });
  });
  afterAll(() => dashboard?.stop());

  /** GET `path` from the socket address `from`; the body is read as JSON. */
  function get(path: string, from: string, headers: Record<string, string> = {}): Promise<Answer> {
    const { hostname, port } = new URL(dashboard.url);
    return new Promise((resolve, reject) => {
      const req = request({ hostname, port, path, localAddress: from, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Answer["body"] });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      });
      req.on("error", reject);
      req.end();
    });
  }

  // Past instants nobody asked for: each overview at one of them makes its own upstream queries.
  const base = Math.floor(Date.now() / 1000) - 7200 - Math.floor(Math.random() * 3600);
  let next = 0;
  const uncached = () => `/api/v1/services?at=${base - 60 * next++}`;

  it("answers a client that keeps asking new questions 429 with Retry-After, while others and cached answers go on", async () => {
    const before = await ourUpstreamQueries({ dashboardUrl: dashboard.url });
    const started = Date.now();
    const first = uncached();
    const answers: Answer[] = [];
    for (let i = 0; i < 15 && answers.at(-1)?.status !== 429; i++) answers.push(await get(i ? uncached() : first, A));
    const seconds = (Date.now() - started) / 1000;
    const refused = answers.at(-1) as Answer;
    expect(answers[0]?.status).toBe(200);
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe("rate_limited");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(refused.headers["content-type"]).toMatch(/^application\/json/);
    expect(refused.headers["x-content-type-options"]).toBe("nosniff");
    // Nothing beyond the burst and what came back meanwhile reached Prometheus (a request refused
    // halfway leaves tokens unspent: its later queries wait for the earlier ones).
    const sent = (await ourUpstreamQueries({ dashboardUrl: dashboard.url })) - before;
    expect(sent).toBeLessThanOrEqual(BURST + Math.ceil((seconds * PER_MINUTE) / 60));

    // Another client is not held back by the first.
    expect((await get(uncached(), B)).status).toBe(200);
    // Fifty screens behind the limited address asking what is cached are all answered.
    const screens = await Promise.all(Array.from({ length: 50 }, () => get(first, A)));
    expect(screens.map((s) => s.status)).toEqual(Array<number>(50).fill(200));
    // Headers that name someone else do not free the limited client: only a trusted proxy's do.
    expect((await get(uncached(), A, { "x-forwarded-for": "198.51.100.7", "x-signalboard-peer": B })).status).toBe(429);
    expect((await get(uncached(), PROXY, { "x-forwarded-for": "198.51.100.7" })).status).toBe(200);
    expect((await get(uncached(), PROXY, { "x-forwarded-for": A })).status).toBe(429);
  });
});
