import { describe, expect, it } from "vitest";
import {
  DEFAULT_TV_VIEW,
  effectiveRefreshSeconds,
  pageIndexAt,
  parseTvParams,
  refreshOptionAtLeast,
} from "./tv-params";

describe("parseTvParams", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseTvParams(new URLSearchParams())).toEqual(DEFAULT_TV_VIEW);
  });

  it("reads every key", () => {
    const v = parseTvParams(
      new URLSearchParams("pages=services,nodes,alerts&every=45s&refresh=10s&tz=UTC&theme=light&source=eu"),
    );
    expect(v).toEqual({
      pages: ["services", "nodes", "alerts"],
      everySeconds: 45,
      refreshSeconds: 10,
      tz: "UTC",
      theme: "light",
      source: "eu",
    });
  });

  it("accepts minutes and bare seconds", () => {
    expect(parseTvParams({ refresh: "1m", every: "90" })).toMatchObject({ refreshSeconds: 60, everySeconds: 90 });
  });

  it("drops unknown and repeated pages, keeping the order given", () => {
    expect(parseTvParams({ pages: "alerts, Nodes,map,alerts" }).pages).toEqual(["alerts", "nodes"]);
  });

  it("falls back on malformed or out-of-bounds values", () => {
    const v = parseTvParams(new URLSearchParams("every=1s&refresh=soon&tz=Mars&theme=pink&pages="));
    expect(v).toEqual(DEFAULT_TV_VIEW);
    expect(parseTvParams({ refresh: "0s" }).refreshSeconds).toBe(30);
    expect(parseTvParams({ refresh: "2h" }).refreshSeconds).toBe(30);
  });
});

describe("effectiveRefreshSeconds", () => {
  it("never goes below the server's minimum", () => {
    expect(effectiveRefreshSeconds(5, 10)).toBe(10);
    expect(effectiveRefreshSeconds(30, 10)).toBe(30);
  });

  it("has no interval while the minimum is unknown", () => {
    expect(effectiveRefreshSeconds(30, null)).toBeNull();
  });
});

describe("pageIndexAt", () => {
  it("moves to the next page every interval and wraps", () => {
    expect(pageIndexAt(0, 30, 3)).toBe(0);
    expect(pageIndexAt(29_999, 30, 3)).toBe(0);
    expect(pageIndexAt(30_000, 30, 3)).toBe(1);
    expect(pageIndexAt(90_000, 30, 3)).toBe(0);
  });

  it("stays on the only page", () => {
    expect(pageIndexAt(123_456, 30, 1)).toBe(0);
    expect(pageIndexAt(123_456, 30, 0)).toBe(0);
  });
});

describe("refreshOptionAtLeast", () => {
  it("matches the usual intervals exactly", () => {
    expect(refreshOptionAtLeast(10)).toBe("10s");
    expect(refreshOptionAtLeast(30)).toBe("30s");
    expect(refreshOptionAtLeast(60)).toBe("1m");
  });

  it("rounds up, up to the longest option", () => {
    expect(refreshOptionAtLeast(15)).toBe("30s");
    expect(refreshOptionAtLeast(3600)).toBe("5m");
  });

  it("is off while the interval is unknown", () => {
    expect(refreshOptionAtLeast(null)).toBe("off");
  });
});
