import { describe, expect, it } from "vitest";
import {
  DEFAULT_VIEW,
  activePreset,
  apiTimeParams,
  isTimeText,
  parseViewState,
  refreshIntervalMs,
  serializeViewState,
  serviceHref,
  viewHref,
  withPreset,
  type ViewState,
} from "./url-state";

const NOW = 1_763_800_000;

describe("parseViewState", () => {
  it("gives the typed defaults for an empty query", () => {
    expect(parseViewState(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it("reads every key", () => {
    const view = parseViewState(
      new URLSearchParams(
        "from=now-6h&to=now&at=1763800000&refresh=1m&tz=UTC&theme=light&sort=errors&q=check&source=eu-1",
      ),
    );
    expect(view).toEqual({
      from: "now-6h",
      to: "now",
      at: "1763800000",
      refresh: "1m",
      tz: "UTC",
      theme: "light",
      sort: "errors",
      q: "check",
      source: "eu-1",
    });
  });

  it("takes a source only as a source's name can be written, else all sources", () => {
    expect(parseViewState(new URLSearchParams("source=us")).source).toBe("us");
    for (const bad of ["US", "a/b", "x".repeat(33), ""])
      expect(parseViewState(new URLSearchParams({ source: bad })).source).toBe("");
  });

  it("accepts the page props' record form, taking the first of repeated keys", () => {
    expect(parseViewState({ from: ["now-15m", "now-1h"], tz: "UTC", other: "x" })).toMatchObject({
      from: "now-15m",
      tz: "UTC",
    });
  });

  it("drops malformed values instead of failing the page", () => {
    const view = parseViewState(new URLSearchParams("from=yesterday&to=&refresh=2s&tz=Mars&theme=pink&sort=random"));
    expect(view).toEqual(DEFAULT_VIEW);
  });

  it("accepts epoch milliseconds and RFC 3339", () => {
    const view = parseViewState(new URLSearchParams("from=1763796400000&to=2025-11-22T08:26:40Z"));
    expect(view.from).toBe("1763796400000");
    expect(view.to).toBe("2025-11-22T08:26:40Z");
  });

  it("bounds the filter", () => {
    expect(parseViewState(new URLSearchParams(`q=${"a".repeat(500)}`)).q).toHaveLength(100);
  });
});

describe("serializeViewState", () => {
  it("omits defaults", () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe("");
  });

  it("round-trips", () => {
    const views: ViewState[] = [
      DEFAULT_VIEW,
      { ...DEFAULT_VIEW, from: "now-7d", to: "now", refresh: "off", tz: "UTC" },
      { ...DEFAULT_VIEW, at: "2025-11-22T08:26:40+01:00", theme: "light", sort: "latency", q: "ns/a b&c" },
      { ...DEFAULT_VIEW, from: "1763796400000", to: "1763800000000", refresh: "10s" },
      { ...DEFAULT_VIEW, source: "eu" },
    ];
    for (const v of views) expect(parseViewState(new URLSearchParams(serializeViewState(v)))).toEqual(v);
  });

  it("writes keys in a fixed order", () => {
    const view: ViewState = { ...DEFAULT_VIEW, q: "x", from: "now-6h", to: "now", tz: "UTC" };
    expect(serializeViewState(view)).toBe("from=now-6h&to=now&tz=UTC&q=x");
  });
});

describe("links", () => {
  it("keeps the view on links", () => {
    expect(viewHref("/", DEFAULT_VIEW)).toBe("/");
    expect(viewHref("/", { ...DEFAULT_VIEW, tz: "UTC" })).toBe("/?tz=UTC");
    expect(serviceHref({ name: "a/b c" }, { ...DEFAULT_VIEW, from: "now-6h" })).toBe("/services/a%2Fb%20c?from=now-6h");
    expect(serviceHref({ name: "reviews", namespace: "staging" }, { ...DEFAULT_VIEW, from: "now-6h" })).toBe(
      "/services/reviews?namespace=staging&from=now-6h",
    );
    expect(serviceHref({ name: "reviews", namespace: "staging" }, DEFAULT_VIEW)).toBe(
      "/services/reviews?namespace=staging",
    );
  });

  it("writes a service's source once, its own winning over the view's", () => {
    const narrowed = { ...DEFAULT_VIEW, source: "eu" };
    expect(serviceHref({ name: "checkout", source: "us" }, narrowed)).toBe("/services/checkout?source=us");
    expect(serviceHref({ name: "checkout", source: "eu" }, narrowed)).toBe("/services/checkout?source=eu");
    expect(serviceHref({ name: "checkout" }, narrowed)).toBe("/services/checkout?source=eu");
  });
});

describe("apiTimeParams", () => {
  it("passes Grafana-style from/to straight through", () => {
    expect(apiTimeParams({ from: "now-1h", to: "now", at: null }, NOW)).toEqual({ from: "now-1h", to: "now" });
    expect(apiTimeParams({ from: "now-1h", to: null, at: null, source: "us" }, NOW)).toEqual({
      source: "us",
      from: "now-1h",
    });
    expect(apiTimeParams({ from: "1763796400000", to: null, at: "1763798000" }, NOW)).toEqual({
      from: "1763796400000",
      at: "1763798000",
    });
  });

  it("sends nothing when the URL has no time, so the API default applies", () => {
    expect(apiTimeParams({ from: null, to: null, at: null }, NOW)).toEqual({});
  });

  it("opens ±30 minutes around an `at` in the past", () => {
    const at = NOW - 7200;
    expect(apiTimeParams({ from: null, to: null, at: String(at) }, NOW)).toEqual({
      from: String(at - 1800),
      to: String(at + 1800),
      at: String(at),
    });
  });

  it("ends at now while at+30m is still in the future", () => {
    const at = NOW - 600;
    expect(apiTimeParams({ from: null, to: null, at: String(at) }, NOW)).toEqual({
      from: String(at - 1800),
      to: "now",
      at: String(at),
    });
  });

  it("reads an RFC 3339 `at`", () => {
    expect(apiTimeParams({ from: null, to: null, at: "2025-11-22T06:00:00Z" }, NOW)).toEqual({
      from: String(Date.parse("2025-11-22T05:30:00Z") / 1000),
      to: String(Date.parse("2025-11-22T06:30:00Z") / 1000),
      at: "2025-11-22T06:00:00Z",
    });
  });
});

describe("presets and refresh", () => {
  it("knows which preset is active", () => {
    expect(activePreset({ from: null, to: null, at: null })).toBe("1h");
    expect(activePreset({ from: "now-6h", to: "now", at: null })).toBe("6h");
    expect(activePreset({ from: "now-6h", to: null, at: null })).toBe("6h");
    expect(activePreset({ from: "now-6h", to: "now-1h", at: null })).toBeNull();
    expect(activePreset({ from: null, to: null, at: "1763800000" })).toBeNull();
  });

  it("a preset ends now and forgets `at`", () => {
    expect(withPreset({ ...DEFAULT_VIEW, at: "1763800000", q: "x" }, "24h")).toEqual({
      ...DEFAULT_VIEW,
      from: "now-24h",
      to: "now",
      q: "x",
    });
  });

  it("turns refresh into milliseconds", () => {
    expect(refreshIntervalMs("off")).toBe(false);
    expect(refreshIntervalMs("10s")).toBe(10_000);
    expect(refreshIntervalMs("30s")).toBe(30_000);
    expect(refreshIntervalMs("1m")).toBe(60_000);
    expect(refreshIntervalMs("5m")).toBe(300_000);
  });

  it("checks time syntax", () => {
    expect(isTimeText("now-15m")).toBe(true);
    expect(isTimeText("now-15x")).toBe(false);
    expect(isTimeText("")).toBe(false);
  });
});
