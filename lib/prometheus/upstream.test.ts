import { describe, expect, it, vi } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { getMetrics } from "@/lib/metrics/registry";
import type { PrometheusClient } from "./client";
import { UpstreamError } from "./errors";
import { createUpstream, instantTtlMs, staleSlot } from "./upstream";

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
      const { upstream, labelValues } = upstreamAnswering(["up"], ["up", "http_request_duration_seconds_count"], ["up", "http_request_duration_seconds_count"], ["up", "http_request_duration_seconds_count", "istio_requests_total"]);
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
    await expect(upstream.metricNames()).rejects.toThrow("connection refused");
    expect((await upstream.metricNames()).value.data).toEqual(["up"]);
    expect(labelValues).toHaveBeenCalledTimes(2);
  });
});
