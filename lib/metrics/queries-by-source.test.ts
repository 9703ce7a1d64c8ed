import { describe, expect, it } from "vitest";
import { promqlQueriesBySource } from "./queries-by-source";

describe("promqlQueriesBySource", () => {
  it("adds instant and range queries per source, and leaves out the other calls and metrics", () => {
    const text = [
      "# HELP signalboard_upstream_queries_total Requests sent to the upstream, by endpoint.",
      "# TYPE signalboard_upstream_queries_total counter",
      'signalboard_upstream_queries_total{endpoint="query",source="eu"} 7',
      'signalboard_upstream_queries_total{endpoint="query_range",source="eu"} 2',
      'signalboard_upstream_queries_total{endpoint="label_values",source="eu"} 5',
      'signalboard_upstream_queries_total{endpoint="query",source="us"} 3',
      'signalboard_query_cache_bytes{source="us"} 4096',
    ].join("\n");
    expect(promqlQueriesBySource(text)).toEqual({ eu: 9, us: 3 });
  });
});
