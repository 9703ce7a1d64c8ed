import { describe, expect, it } from "vitest";
import { ApiRequestError } from "./fetch-json";
import { failureText, screenFreshness, staleSince, type SourceState } from "./screen-freshness";

const NOW = 1_763_800_000_000;
const fresh = (over: Partial<SourceState> = {}): SourceState => ({
  receivedAt: NOW - 5000,
  stale: false,
  error: null,
  ...over,
});
const problem = (sources: SourceState[], refresh: number | null = 30) => screenFreshness(sources, NOW, refresh).problem;

describe("screenFreshness", () => {
  it("finds no problem while every source is fresh, and dates the data by the oldest", () => {
    expect(screenFreshness([fresh(), fresh({ receivedAt: NOW - 8000 })], NOW, 30)).toEqual({
      dataAt: NOW - 8000,
      ageSeconds: 8,
      problem: null,
    });
  });

  it("counts a stale copy from when Prometheus last answered", () => {
    expect(screenFreshness([fresh({ stale: true, ageSeconds: 90 })], NOW, 30)).toEqual({
      dataAt: NOW - 95_000,
      ageSeconds: 95,
      problem: "Prometheus not answering",
    });
  });

  it("names an upstream failure", () => {
    const error = new ApiRequestError(503, "upstream_unavailable", "connection refused");
    expect(problem([fresh({ receivedAt: NOW - 95_000, error })])).toBe("Prometheus not answering");
  });

  it("names an unreachable server before anything else", () => {
    expect(
      problem([fresh({ stale: true, ageSeconds: 10 }), fresh({ error: new ApiRequestError(0, "network", "down") })]),
    ).toBe("signalboard server not answering");
  });

  it("finds data older than two refresh intervals late, even without any error", () => {
    expect(problem([fresh({ receivedAt: NOW - 61_000 })])).toBe("refresh overdue");
    expect(problem([fresh({ receivedAt: NOW - 59_000 })])).toBeNull();
    expect(problem([fresh({ receivedAt: NOW - 600_000 })], null)).toBeNull();
  });

  it("describes other failures", () => {
    const error = new ApiRequestError(400, "bad_param", "from is after to", "from");
    expect(problem([fresh({ error })])).toBe("refresh failing: Bad request (from): from is after to");
  });

  it("has no age before the first answer", () => {
    const error = new ApiRequestError(0, "network", "down");
    expect(screenFreshness([{ receivedAt: 0, stale: false, error }], NOW, 30)).toEqual({
      dataAt: null,
      ageSeconds: null,
      problem: "signalboard server not answering",
    });
    expect(screenFreshness([{ receivedAt: 0, stale: false, error: null }], NOW, 30)).toEqual({
      dataAt: null,
      ageSeconds: null,
      problem: null,
    });
  });
});

describe("failureText", () => {
  it("says what failed, the unreachable server first, and nothing when nothing failed", () => {
    const upstream = new ApiRequestError(
      503,
      "upstream_unavailable",
      "cannot reach the upstream at http://127.0.0.1:1 (ECONNREFUSED)",
    );
    expect(failureText([fresh({ receivedAt: 0, error: upstream })])).toBe(
      "Prometheus unavailable: cannot reach the upstream at http://127.0.0.1:1 (ECONNREFUSED)",
    );
    expect(
      failureText([
        fresh({ error: upstream }),
        fresh({ error: new ApiRequestError(0, "network", "the signalboard server is not reachable") }),
      ]),
    ).toBe("No connection: the signalboard server is not reachable");
    expect(failureText([fresh(), fresh()])).toBeNull();
  });
});

describe("staleSince", () => {
  it("dates a stale copy by when Prometheus last answered and a failed refresh by its last answer", () => {
    expect(staleSince(fresh({ stale: true, ageSeconds: 90 }))).toBe(NOW - 95_000);
    expect(staleSince(fresh({ error: new ApiRequestError(503, "upstream_unavailable", "down") }))).toBe(NOW - 5000);
  });

  it("is null for fresh data and for no data", () => {
    expect(staleSince(fresh())).toBeNull();
    expect(staleSince(fresh({ receivedAt: 0, error: new Error("x") }))).toBeNull();
  });
});
