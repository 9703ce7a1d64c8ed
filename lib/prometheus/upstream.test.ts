import { afterEach, describe, expect, it, vi } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { getMetrics } from "@/lib/metrics/registry";
import type { PrometheusClient } from "./client";
import { UpstreamError } from "./errors";
import { BAD_DATA, json, starting, upstreamOver, vector } from "@/lib/testing/recorded-upstream";
import { createUpstream, instantTtlMs, staleSlot } from "./upstream";

const MATRIX_OF_THREE = {
  status: "success",
  data: {
    resultType: "matrix",
    result: ["cart", "checkout", "search"].map((job) => ({
      metric: { job },
      values: [
        [1799999970, "1"],
        [1800000000, "2"],
      ],
    })),
  },
  warnings: ["PromQL info: metric might not be a counter"],
};

afterEach(() => {
  vi.useRealTimers();
});

describe("instantTtlMs", () => {
  const now = 1_800_000_000_000;

  it("keeps answers about now for the live ttl (about one scrape)", () => {
    expect(instantTtlMs(now / 1000, now, 5_000)).toBe(5_000);
    expect(instantTtlMs(now / 1000 - 299, now, 5_000)).toBe(5_000);
  });

  it("keeps answers about a settled past instant (5 min or more ago) for 10 min", () => {
    expect(instantTtlMs(now / 1000 - 300, now, 5_000)).toBe(600_000);
    expect(instantTtlMs(now / 1000 - 86_400, now, 5_000)).toBe(600_000);
  });

  it("never shortens a ttl the caller asked for", () => {
    expect(instantTtlMs(now / 1000 - 3600, now, 900_000)).toBe(900_000);
  });
});

describe("staleSlot", () => {
  const now = 1_800_000_000_000;

  it("near now, lets the previous poll's answer (the question without its time) stand in", () => {
    expect(staleSlot("q|1800000000", "q", now / 1000, now)).toBe("q");
    expect(staleSlot("q|1800000000", "q", now / 1000 - 60, now)).toBe("q");
  });

  it("for a settled past instant, lets only an answer about that same instant stand in", () => {
    expect(staleSlot("q|1799996400", "q", now / 1000 - 3600, now)).toBe("q|1799996400");
  });
});

describe("metricNames", () => {
  /** An upstream whose client answers the label-values call from `answers`, one per call. */
  function upstreamAnswering(...answers: (string[] | Error)[]) {
    const labelValues = vi.fn(async () => {
      const next = answers.shift();
      if (next === undefined || next instanceof Error) throw next ?? new Error("no more answers");
      return { status: "success" as const, data: next, warnings: [] };
    });
    const client = { labelValues } as unknown as PrometheusClient;
    return { upstream: createUpstream(client, configSchema.parse({}), getMetrics()), labelValues };
  }

  it("asks again at once after an empty list (a Prometheus that has not scraped yet), instead of keeping it a minute", async () => {
    const { upstream, labelValues } = upstreamAnswering([], ["up", "http_request_duration_seconds_count"]);
    expect((await upstream.metricNames()).value.data).toEqual([]);
    expect((await upstream.metricNames()).value.data).toEqual(["up", "http_request_duration_seconds_count"]);
    expect(labelValues).toHaveBeenCalledTimes(2);
    // A good list is kept.
    expect((await upstream.metricNames()).value.data).toEqual(["up", "http_request_duration_seconds_count"]);
    expect(labelValues).toHaveBeenCalledTimes(2);
  });

  it("while the list still grows, asks again after a scrape interval; once two answers agree, after a minute", async () => {
    vi.useFakeTimers({ now: 1_800_000_000_000, toFake: ["Date"] });
    try {
      const scrape = configSchema.parse({}).prometheus.scrapeIntervalSeconds * 1000;
      const { upstream, labelValues } = upstreamAnswering(
        ["up"],
        ["up", "http_request_duration_seconds_count"],
        ["up", "http_request_duration_seconds_count"],
        ["up", "http_request_duration_seconds_count", "istio_requests_total"],
      );
      // An expired list is answered at once and refreshed in the background: let that refresh land.
      const settle = () => new Promise((r) => setImmediate(r));
      expect((await upstream.metricNames()).value.data).toEqual(["up"]);
      vi.advanceTimersByTime(scrape);
      await upstream.metricNames();
      await settle();
      expect((await upstream.metricNames()).value.data).toEqual(["up", "http_request_duration_seconds_count"]);
      vi.advanceTimersByTime(scrape);
      await upstream.metricNames();
      await settle();
      expect(labelValues).toHaveBeenCalledTimes(3);
      // Two answers agreed: the list is kept for the metadata TTL.
      vi.advanceTimersByTime(scrape);
      await upstream.metricNames();
      await settle();
      expect(labelValues).toHaveBeenCalledTimes(3);
      vi.advanceTimersByTime(60_000);
      await upstream.metricNames();
      await settle();
      expect(labelValues).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it("asks again at once after a failure, instead of holding it", async () => {
    const { upstream, labelValues } = upstreamAnswering(new UpstreamError("network", "connection refused"), ["up"]);
    const failed = upstream.metricNames();
    await expect(failed).rejects.toThrow(UpstreamError);
    await expect(failed).rejects.toThrow("connection refused");
    expect((await upstream.metricNames()).value.data).toEqual(["up"]);
    expect(labelValues).toHaveBeenCalledTimes(2);
  });
});

describe("the series cap (limits.maxSeries)", () => {
  it("keeps the first maxSeries series of an instant answer and says how many there were", async () => {
    const { upstream } = upstreamOver(() => json(vector(["cart", "1.5"], ["checkout", "2"], ["search", "NaN"])), {
      limits: { maxSeries: 2 },
    });
    const answer = await upstream.instant("sum by (job) (up)", 1800000000, 5000);
    expect(answer.value).toEqual({
      data: [
        { labels: { job: "cart" }, value: 1.5 },
        { labels: { job: "checkout" }, value: 2 },
      ],
      warnings: ["only the first 2 of 3 series are shown"],
    });
  });

  it("keeps the upstream's own warnings before its own, for a range answer", async () => {
    const { upstream } = upstreamOver(() => json(MATRIX_OF_THREE), { limits: { maxSeries: 1 } });
    const answer = await upstream.range("sum by (job) (up)", { start: 1799999970, end: 1800000000, step: 30 });
    expect(answer.value).toEqual({
      data: [
        {
          labels: { job: "cart" },
          points: [
            [1799999970, 1],
            [1800000000, 2],
          ],
        },
      ],
      warnings: ["PromQL info: metric might not be a counter", "only the first 1 of 3 series are shown"],
    });
  });

  it("leaves an answer of exactly maxSeries series whole, without a warning", async () => {
    const { upstream } = upstreamOver(() => json(vector(["cart", "1"], ["checkout", "2"])), {
      limits: { maxSeries: 2 },
    });
    expect((await upstream.instant("up", 1800000000, 5000)).value.warnings).toEqual([]);
  });
});

describe("the stale slot", () => {
  const NOW = 1_800_000_000_000;

  /** An upstream that answers `first`, then fails with `then` for every later request. */
  function answeringOnce(first: Response, then: () => Response | Promise<Response>) {
    let answered = false;
    return upstreamOver(() => {
      if (answered) return then();
      answered = true;
      return first;
    });
  }

  it("serves the previous poll's answer, marked stale with its age, when the upstream fails near now", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const { upstream, asked } = answeringOnce(json(vector(["checkout", "12.5"])), starting);
    expect(await upstream.instant("q", NOW / 1000, 5000)).toEqual({
      value: { data: [{ labels: { job: "checkout" }, value: 12.5 }], warnings: [] },
      stale: false,
      ageSeconds: 0,
      outcome: "miss",
    });
    vi.advanceTimersByTime(10_000);
    // The next poll asks about a new instant; Prometheus answers 503.
    expect(await upstream.instant("q", NOW / 1000 + 10, 5000)).toEqual({
      value: { data: [{ labels: { job: "checkout" }, value: 12.5 }], warnings: [] },
      stale: true,
      ageSeconds: 10,
      outcome: "stale",
      staleReason: "503 Service Unavailable: not a JSON answer from /api/v1/query",
    });
    expect(asked).toEqual(["q", "q"]);
  });

  it("serves the previous window's answer for a range query that moved on", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const { upstream } = answeringOnce(json(MATRIX_OF_THREE), () => Promise.reject(new TypeError("fetch failed")));
    await upstream.range("q", { start: 1799999970, end: 1800000000, step: 30 });
    vi.advanceTimersByTime(30_000);
    const later = await upstream.range("q", { start: 1800000000, end: 1800000030, step: 30 });
    expect(later).toMatchObject({ stale: true, ageSeconds: 30, outcome: "stale" });
    expect(later.value.data.map((s) => s.labels.job)).toEqual(["cart", "checkout", "search"]);
  });

  it("about a settled past instant, serves only an answer about that same instant", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const anHourAgo = NOW / 1000 - 3600;
    const { upstream } = answeringOnce(json(vector(["checkout", "3"])), starting);
    await upstream.instant("q", anHourAgo, 5000);
    // Another past moment: the hour-ago answer would be wrong there, not merely old.
    const elsewhere = upstream.instant("q", anHourAgo + 60, 5000);
    await expect(elsewhere).rejects.toThrow(UpstreamError);
    await expect(elsewhere).rejects.toMatchObject({
      kind: "unavailable",
      message: "503 Service Unavailable: not a JSON answer from /api/v1/query",
    });
    // The same moment, once its 10 min in the cache are over: the old answer stands in.
    vi.advanceTimersByTime(11 * 60_000);
    expect(await upstream.instant("q", anHourAgo, 5000)).toMatchObject({
      value: { data: [{ labels: { job: "checkout" }, value: 3 }] },
      stale: true,
      ageSeconds: 660,
    });
  });

  it("is not served for an error that asking again cannot mend (bad_data)", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const { upstream } = answeringOnce(json(vector(["checkout", "1"])), () => json(BAD_DATA, 400));
    await upstream.instant("q", NOW / 1000, 5000);
    vi.advanceTimersByTime(10_000);
    const failed = upstream.instant("q", NOW / 1000 + 10, 5000);
    await expect(failed).rejects.toThrow(UpstreamError);
    await expect(failed).rejects.toMatchObject({ kind: "bad_data", status: 400 });
  });
});

describe("the limiter (prometheus.maxConcurrency)", () => {
  it("fails a query that waited for a free slot past the timeout, without sending it", async () => {
    // One slot, held by an answer that is still on its way when the other query's budget runs out:
    // the fake holds it until released, whatever the abort says.
    let release: (r: Response) => void = () => undefined;
    const held = new Promise<Response>((resolve) => (release = resolve));
    const { upstream, asked } = upstreamOver((query) => (query === "slow" ? held : json(vector(["checkout", "1"]))), {
      prometheus: { maxConcurrency: 1, timeoutSeconds: 0.2 },
    });
    const slow = upstream.instant("slow", 1800000000, 5000);
    const queued = upstream.instant("queued", 1800000000, 5000);
    await expect(queued).rejects.toThrow(UpstreamError);
    await expect(queued).rejects.toMatchObject({
      kind: "timeout",
      message: "no free upstream slot within 0.2 s: 1 queries were running",
    });
    expect(asked).toEqual(["slow"]);
    release(json(vector(["checkout", "7"])));
    expect((await slow).value.data).toEqual([{ labels: { job: "checkout" }, value: 7 }]);
  });
});

describe("the cache's size bound (cache.maxMegabytes)", () => {
  it("keeps an answer within the bound and shows its bytes in the gauge", async () => {
    const { upstream, asked } = upstreamOver(() => json(vector(["a", "1"])));
    await upstream.instant("up", 1_800_000_000, 15_000);
    expect((await upstream.instant("up", 1_800_000_000, 15_000)).outcome).toBe("hit");
    expect(asked).toHaveLength(1);
    const gauge = await getMetrics().cacheBytes.get();
    expect(gauge.values[0]?.value).toBeGreaterThan(0);
  });

  it("answers but does not keep an answer larger than the whole bound", async () => {
    // 1e-4 MiB is 104 bytes; one series answer with a 200-character label is larger.
    const { upstream, asked } = upstreamOver(() => json(vector(["x".repeat(200), "1"])), {
      cache: { maxMegabytes: 1e-4 },
    });
    expect((await upstream.instant("up", 1_800_000_000, 15_000)).value.data).toHaveLength(1);
    expect((await upstream.instant("up", 1_800_000_000, 15_000)).outcome).toBe("miss");
    expect(asked).toHaveLength(2);
  });
});

describe("a source's selector", () => {
  const opts = { source: "eu", selector: { cluster: "eu-1" } };

  it("is added to every query, to the metric-name list's match[] and picks the source's alerts", async () => {
    const alert = (cluster: string) => ({ labels: { alertname: "Down", cluster }, annotations: {}, state: "firing" });
    const { upstream, asked, urls } = upstreamOver(
      (_query, url) => {
        if (url.includes("/label/")) return json({ status: "success", data: ["up"] });
        if (url.includes("/alerts"))
          return json({ status: "success", data: { alerts: [alert("eu-1"), alert("us-1")] } });
        if (url.includes("query_range")) return json(MATRIX_OF_THREE);
        return json(vector(["cart", "1"]));
      },
      {},
      opts,
    );
    await upstream.instant('sum by (job) (rate(http_requests_total{code="500"}[1m]))', 1_800_000_000, 1000);
    await upstream.range("up", { start: 1_799_999_970, end: 1_800_000_000, step: 30 });
    const names = await upstream.metricNames();
    const alerts = await upstream.alerts();
    expect(asked.slice(0, 2)).toEqual([
      'sum by (job) (rate(http_requests_total{code="500",cluster="eu-1"}[1m]))',
      'up{cluster="eu-1"}',
    ]);
    expect(names.value.data).toEqual(["up"]);
    expect(urls[2]).toBe("http://prom:9090/api/v1/label/__name__/values?match%5B%5D=%7Bcluster%3D%22eu-1%22%7D");
    expect(alerts.value.data.map((a) => a.labels.cluster)).toEqual(["eu-1"]);
  });

  it("counts the upstream's requests under the source's name", async () => {
    const metric = async () =>
      (await getMetrics().upstreamQueries.get()).values.find(
        (v) => v.labels.source === "eu" && v.labels.endpoint === "query" && v.labels.outcome === "success",
      )?.value ?? 0;
    const before = await metric();
    const { upstream } = upstreamOver(() => json(vector(["cart", "1"])), {}, opts);
    await upstream.instant("up", 1_800_000_123, 1000);
    expect(await metric()).toBe(before + 1);
  });
});
