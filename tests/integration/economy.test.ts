import { describe, expect, it } from "vitest";
import type { ServicesResponse } from "@/lib/model/types";
import { api, ourUpstreamQueries, upstreamQueryCount } from "./helpers";

// The overview costs: metric names (cached) + services seen, rate, failed rate, buckets of successful
// and of failed requests, targets and the firing alerts (ALERTS); its sparklines, asked apart, four range
// queries and the same 'seen' question as the current values (which owns each service), shared with them.
// Both also ask once a minute since when signalboard's recording rules run (none here): /api/v1/status
// asks the same question, so the warm-up call below leaves it cached.
const QUERIES_PER_OVERVIEW = 7;
const QUERIES_PER_SPARKLINES = 4;

describe("upstream economy", () => {
  it("answers N concurrent identical requests with one set of upstream queries", async () => {
    // An instant nobody asked for yet, so nothing is cached.
    const at = Math.floor(Date.now() / 1000) - 3600 - Math.floor(Math.random() * 3600);
    await api("/api/v1/status"); // warms the metric-name cache, so only the overview's own queries count
    const before = await ourUpstreamQueries({ promql: true });
    const logBefore = upstreamQueryCount();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api<ServicesResponse>(`/api/v1/services?at=${at}`)),
    );
    for (const a of answers) expect(a.status).toBe(200);
    const sent = (await ourUpstreamQueries({ promql: true })) - before;
    expect(sent).toBe(QUERIES_PER_OVERVIEW);
    // Prometheus writes its query log after answering.
    await expect.poll(() => upstreamQueryCount() - logBefore).toBe(QUERIES_PER_OVERVIEW);
  });

  it("costs four range queries for the sparklines beside the current values, shared by concurrent viewers", async () => {
    const to = Math.floor(Date.now() / 1000) - 3600 - Math.floor(Math.random() * 3600);
    await api("/api/v1/status");
    await api(`/api/v1/services?from=${to - 900}&to=${to}`);
    const before = await ourUpstreamQueries({ promql: true });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api(`/api/v1/services?from=${to - 900}&to=${to}&width=120&series=only`)),
    );
    for (const a of answers) expect(a.status).toBe(200);
    expect((await ourUpstreamQueries({ promql: true })) - before).toBe(QUERIES_PER_SPARKLINES);
  });

  it("serves a repeated question from the cache", async () => {
    const at = Math.floor(Date.now() / 1000) - 7200 - Math.floor(Math.random() * 3600);
    await api(`/api/v1/services?at=${at}`);
    const before = await ourUpstreamQueries({ promql: true });
    await api(`/api/v1/services?at=${at}`);
    expect((await ourUpstreamQueries({ promql: true })) - before).toBe(0);
  });
});
