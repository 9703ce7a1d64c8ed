import { afterEach, describe, expect, it, vi } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { getMetrics } from "@/lib/metrics/registry";
import { createPrometheusClient } from "./client";
import { BAD_DATA, json, starting, upstreamOver, vector } from "@/lib/testing/recorded-upstream";
import { createUpstream, PING_TTL_MS, rangeCost } from "./upstream";

// What the rate limit and the readiness probe ask of the upstream; the rest is in upstream.test.ts.

afterEach(() => {
  vi.useRealTimers();
});

describe("admit (server.rateLimit)", () => {
  /** An upstream whose every query answers an empty vector or matrix, with each admit call's cost recorded. */
  function admitted(refuse = false) {
    const costs: number[] = [];
    let sent = 0;
    const fetch = (async (url: RequestInfo | URL) => {
      sent++;
      return json(
        String(url).includes("query_range")
          ? { status: "success", data: { resultType: "matrix", result: [] } }
          : { status: "success", data: { resultType: "vector", result: [] } },
      );
    }) as typeof globalThis.fetch;
    const cfg = configSchema.parse({});
    const client = createPrometheusClient({ url: "http://prom:9090", timeoutMs: 5_000, fetch });
    const admit = (cost: number) => {
      costs.push(cost);
      if (refuse) throw new Error("refused");
    };
    return { upstream: createUpstream(client, cfg, getMetrics(), { admit }), costs, sent: () => sent };
  }
  const DAY = 86_400;

  it("is asked with a cost of 1 for an instant query, and not again for the cached answer", async () => {
    const { upstream, costs, sent } = admitted();
    await upstream.instant("up", 1_800_000_000, 60_000);
    await upstream.instant("up", 1_800_000_000, 60_000);
    expect(costs).toEqual([1]);
    expect(sent()).toBe(1);
  });

  it("is asked with 1 more per whole day a range query spans", async () => {
    const { upstream, costs } = admitted();
    await upstream.range("up", { start: 0, end: 3600, step: 15 });
    await upstream.range("up", { start: 0, end: DAY - 60, step: 300 });
    await upstream.range("up", { start: 0, end: DAY, step: 300 });
    await upstream.range("up", { start: 0, end: 30 * DAY + 6 * 3600, step: 21_600 });
    expect(costs).toEqual([1, 1, 2, 31]);
    expect(rangeCost({ start: 100, end: 100 + 7 * DAY, step: 3600 })).toBe(8);
  });

  it("refuses a query by throwing: nothing is sent, and the refusal reaches the asker", async () => {
    const { upstream, sent } = admitted(true);
    await expect(upstream.instant("up", 1_800_000_000, 60_000)).rejects.toThrow("refused");
    expect(sent()).toBe(0);
  });
});

describe("contact and ping (readiness)", () => {
  it("records when the upstream last answered, a query's own error included, and when it last failed", async () => {
    let answer: () => Response = () => json(vector(["a", "1"]));
    const { upstream } = upstreamOver(() => answer());
    expect(upstream.contact()).toEqual({ lastAnswerAt: null, lastFailure: null });
    vi.useFakeTimers({ now: 1_800_000_000_000, toFake: ["Date"] });
    await upstream.instant("up", 1_800_000_000, 1);
    expect(upstream.contact()).toEqual({ lastAnswerAt: 1_800_000_000_000, lastFailure: null });
    vi.setSystemTime(1_800_000_010_000);
    answer = starting;
    // Answered with the previous poll's copy, stale: the failure is recorded all the same.
    await upstream.instant("up", 1_800_000_010, 1);
    expect(upstream.contact().lastAnswerAt).toBe(1_800_000_000_000);
    expect(upstream.contact().lastFailure?.at).toBe(1_800_000_010_000);
    // A query Prometheus refuses is still an answer: the upstream is there.
    vi.setSystemTime(1_800_000_020_000);
    answer = () => json(BAD_DATA, 400);
    await expect(upstream.instant("up(", 1_800_000_020, 1)).rejects.toThrow();
    expect(upstream.contact().lastAnswerAt).toBe(1_800_000_020_000);
  });

  it("pings once for any number of callers within PING_TTL_MS (10 s), a failure included", async () => {
    expect(PING_TTL_MS).toBe(10_000);
    const { upstream, asked } = upstreamOver(starting);
    await Promise.all(Array.from({ length: 20 }, () => upstream.ping().catch(() => undefined)));
    await upstream.ping().catch(() => undefined);
    expect(asked).toEqual(["1"]);
    expect(upstream.contact()).toMatchObject({
      lastAnswerAt: null,
      lastFailure: { message: expect.stringContaining("503") },
    });
    const up = upstreamOver(() => json(vector()));
    await Promise.all(Array.from({ length: 20 }, () => up.upstream.ping()));
    expect(up.asked).toEqual(["1"]);
    expect(up.upstream.contact().lastAnswerAt).not.toBeNull();
  });
});
