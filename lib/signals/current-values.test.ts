import { describe, expect, it } from "vitest";
import { resolveQueryTimes, type TimeInput } from "@/lib/api/query-times";
import { configSchema } from "@/lib/config/schema";
import type { Upstream } from "@/lib/prometheus/upstream";
import { PRESETS } from "./conventions";
import { currentValues, errorRatioOf } from "./current-values";
import { FreshnessTracker } from "./freshness";

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

describe("currentValues", () => {
  /** Records the instant queries of one call, answering each with no series. */
  async function queriesAt(nowSeconds: number, input: TimeInput, service?: string): Promise<string[]> {
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
    const t = resolveQueryTimes(input, nowSeconds, { scrapeIntervalSeconds: 5, maxRangeDays: 31, statusWindowSeconds: 60 });
    await currentValues({ upstream, cfg }, t, [...PRESETS], new FreshnessTracker(), service);
    return asked.sort();
  }

  it("asks the same seven questions at one aligned instant, wherever now falls within the scrape interval", async () => {
    const early = await queriesAt(1_763_800_000.4, { from: "now-15m" });
    const late = await queriesAt(1_763_800_004.9, { from: "now-15m" });
    expect(early).toHaveLength(7);
    expect(late).toEqual(early);
    for (const q of early) expect(q.startsWith("1763800000 ")).toBe(true);
  });

  it("looks for one service over its whole range, up to the range's end, for a link to an earlier instant", async () => {
    const asked = await queriesAt(1_763_800_000, { from: "1763796400", to: "1763800000", at: "1763797000" }, "checkout");
    const seen = asked.filter((q) => q.includes("last_over_time"));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.startsWith("1763800000 ")).toBe(true);
    expect(seen[0]).toContain('job="checkout"}[1h]');
    expect(asked.filter((q) => q.startsWith("1763797000 "))).toHaveLength(6);
  });
});
