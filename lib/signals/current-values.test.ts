import { describe, expect, it } from "vitest";
import { resolveQueryTimes, type TimeInput } from "@/lib/api/query-times";
import { configSchema } from "@/lib/config/schema";
import type { Upstream } from "@/lib/prometheus/upstream";
import { PRESETS } from "./conventions";
import { currentValues, errorRatioOf } from "./current-values";
import { discoverServices } from "./discovery";
import { FreshnessTracker } from "./freshness";
import { RecordedReader } from "./recorded-coverage";
import { SourceTracker } from "./signal-source";

describe("errorRatioOf", () => {
  it("is failed / all", () => {
    expect(errorRatioOf(10, 2.5)).toBe(0.25);
  });

  it("is 0 where requests came but no failed series exists", () => {
    expect(errorRatioOf(10, null)).toBe(0);
  });

  it("has no value where no requests came (0 / 0), or nothing is known", () => {
    expect(errorRatioOf(0, null)).toBeNull();
    expect(errorRatioOf(0, 0)).toBeNull();
    expect(errorRatioOf(null, null)).toBeNull();
  });
});

describe("currentValues with discoverServices, as the list asks them", () => {
  /** Records the instant queries of one call, answering each with no series. */
  async function queriesAt(nowSeconds: number, input: TimeInput): Promise<string[]> {
    const asked: string[] = [];
    const upstream: Upstream = {
      instant: async (query, at) => {
        asked.push(`${at} ${query}`);
        return { value: { data: [], warnings: [] }, stale: false, ageSeconds: 0, outcome: "miss" };
      },
      range: () => Promise.reject(new Error("unused")),
      metricNames: () => Promise.reject(new Error("unused")),
      alerts: () => Promise.reject(new Error("unused")),
      rules: () => Promise.reject(new Error("unused")),
      buildInfo: () => Promise.reject(new Error("unused")),
    };
    const cfg = configSchema.parse({ prometheus: { scrapeIntervalSeconds: 5 } });
    const t = resolveQueryTimes(input, nowSeconds, {
      scrapeIntervalSeconds: 5,
      maxRangeDays: 31,
      statusWindowSeconds: 60,
    });
    const fresh = new FreshnessTracker();
    await currentValues(
      { upstream, cfg },
      t,
      [...PRESETS],
      fresh,
      discoverServices({ upstream, cfg }, t, PRESETS, fresh),
      { reader: new RecordedReader({ askedAt: 0, runs: new Map() }, { cfg }), sources: new SourceTracker() },
    );
    return asked.sort();
  }

  it("asks the same seven questions at one aligned instant, wherever now falls within the scrape interval", async () => {
    const early = await queriesAt(1_763_800_000.4, { from: "now-15m" });
    const late = await queriesAt(1_763_800_004.9, { from: "now-15m" });
    expect(early).toHaveLength(7);
    expect(late).toEqual(early);
    for (const q of early) expect(q.startsWith("1763800000 ")).toBe(true);
    expect(early.filter((q) => q.includes("last_over_time(http_request_duration_seconds_count[15m])"))).toHaveLength(1);
  });
});
