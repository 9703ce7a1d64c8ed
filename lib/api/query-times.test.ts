import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { resolveQueryTimes, type TimeInput } from "./query-times";

const NOW = 1_763_800_007; // not on the 15 s grid
const LIMITS = { scrapeIntervalSeconds: 15, maxRangeDays: 31, statusWindowSeconds: 60 };
const DAY = 86_400;

function apiError(input: TimeInput): ApiError {
  try {
    resolveQueryTimes(input, NOW, LIMITS);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error("expected an ApiError");
}

describe("resolveQueryTimes", () => {
  it("defaults to now-1h … now, at = to, with aligned range and a 4-scrape window", () => {
    expect(resolveQueryTimes({}, NOW, LIMITS)).toEqual({
      from: NOW - 3600,
      to: NOW,
      at: 1_763_800_005,
      end: 1_763_800_005,
      range: { start: 1_763_796_405, end: 1_763_800_005, step: 15 },
      window: 60,
      currentWindow: 60,
    });
  });

  it("answers an instant that a link names at exactly that instant", () => {
    expect(resolveQueryTimes({ at: "1763700007" }, NOW, LIMITS).at).toBe(1_763_700_007);
    expect(
      resolveQueryTimes({ at: "2025-11-22T08:00:07.250Z" }, NOW, { ...LIMITS, scrapeIntervalSeconds: 30 }).at,
    ).toBe(1_763_798_407.25);
    expect(resolveQueryTimes({ from: "1763790000", to: "1763799997" }, NOW, LIMITS)).toMatchObject({
      at: 1_763_799_997,
      end: 1_763_799_997,
    });
  });

  it("aligns an instant that follows the clock down to the scrape interval, so viewers share answers", () => {
    expect(resolveQueryTimes({ at: "now-5m" }, NOW, LIMITS).at).toBe(1_763_799_705);
    expect(resolveQueryTimes({ to: "now-1m" }, NOW, LIMITS)).toMatchObject({ at: 1_763_799_945, end: 1_763_799_945 });
    expect(resolveQueryTimes({ at: "1763700007" }, NOW, LIMITS).end).toBe(1_763_800_005);
  });

  it("keeps the current values' window whatever the range, and never under four scrapes", () => {
    for (const from of ["now-15m", "now-24h", "now-7d", "now-31d"])
      expect(resolveQueryTimes({ from }, NOW, LIMITS).currentWindow).toBe(60);
    expect(resolveQueryTimes({}, NOW, { ...LIMITS, scrapeIntervalSeconds: 30 }).currentWindow).toBe(120);
    expect(resolveQueryTimes({}, NOW, { ...LIMITS, statusWindowSeconds: 300 }).currentWindow).toBe(300);
  });

  it("sets the step from the width and the window from the step", () => {
    const narrow = resolveQueryTimes({ width: 120 }, NOW, LIMITS);
    expect(narrow.range.step).toBe(120);
    expect(narrow.window).toBe(135);
    expect(narrow.range.start % 120).toBe(0);
    expect(resolveQueryTimes({ width: 900 }, NOW, LIMITS).range.step).toBe(15);
  });

  it("keeps a 31-day range within the point budget", () => {
    const t = resolveQueryTimes({ from: "now-31d" }, NOW, LIMITS);
    expect(t.range.step).toBe(10_800);
    expect((t.range.end - t.range.start) / t.range.step).toBeLessThanOrEqual(300);
    expect(t.window).toBe(10_815);
  });

  it("rejects an inverted or empty range as invalid_range on from", () => {
    expect(apiError({ from: "now", to: "now-1h" })).toMatchObject({
      status: 400,
      code: "invalid_range",
      param: "from",
    });
    expect(apiError({ from: "now", to: "now" })).toMatchObject({ code: "invalid_range" });
  });

  it("rejects a range over maxRangeDays as range_too_long", () => {
    expect(apiError({ from: "now-32d" })).toMatchObject({ status: 400, code: "range_too_long", param: "from" });
    expect(apiError({ from: String(NOW - 31 * DAY - 1) }).code).toBe("range_too_long");
    expect(resolveQueryTimes({ from: String(NOW - 31 * DAY) }, NOW, LIMITS).from).toBe(NOW - 31 * DAY);
  });

  it.each([["from"], ["to"], ["at"]] as const)("names %s when it is not a time", (param) => {
    const e = apiError({ [param]: "yesterday" });
    expect(e).toMatchObject({ status: 400, code: "invalid_time", param });
    expect(e.message.startsWith(`${param}: `)).toBe(true);
  });

  it("accepts to and at up to a day after now, and rejects them later, naming the parameter", () => {
    expect(resolveQueryTimes({ to: "now+1d" }, NOW, LIMITS).to).toBe(NOW + DAY);
    expect(resolveQueryTimes({ at: String(NOW + DAY) }, NOW, LIMITS).at).toBe(NOW + DAY);
    expect(apiError({ to: String(NOW + DAY + 1) })).toMatchObject({ status: 400, code: "invalid_time", param: "to" });
    expect(apiError({ at: "now+9999999y" })).toMatchObject({ status: 400, code: "invalid_time", param: "at" });
    expect(apiError({ from: "99999999990", to: "99999999999" })).toMatchObject({ code: "invalid_time", param: "to" });
  });

  it("rejects times before 1970", () => {
    expect(() => resolveQueryTimes({}, 100, LIMITS)).toThrow(ApiError);
    expect(() => resolveQueryTimes({}, 100, LIMITS)).toThrow(
      expect.objectContaining({ code: "invalid_time", param: "from" }),
    );
  });
});
