import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration, parseTime, TimeParseError } from "./parse-time";

// 2025-11-22T08:26:40Z
const NOW = 1_763_800_000;

describe("parseTime", () => {
  it.each([
    ["now", NOW],
    ["now-15m", NOW - 900],
    ["now+1h", NOW + 3600],
    ["now-7d", NOW - 7 * 86_400],
    ["now-30s", NOW - 30],
    ["now-1w", NOW - 604_800],
    ["  now-6h  ", NOW - 6 * 3600],
  ])("reads the relative time %j", (input, expected) => {
    expect(parseTime(input, NOW)).toBe(expected);
  });

  it("reads unix seconds as they are", () => {
    expect(parseTime("1763700000", NOW)).toBe(1_763_700_000);
    expect(parseTime("0", NOW)).toBe(0);
  });

  it("reads 13-digit unix milliseconds as seconds", () => {
    expect(parseTime("1763700000123", NOW)).toBeCloseTo(1_763_700_000.123, 6);
    expect(parseTime("1763700000000", NOW)).toBe(1_763_700_000);
  });

  it("keeps fractional seconds", () => {
    expect(parseTime("1763700000.5", NOW)).toBe(1_763_700_000.5);
  });

  it("reads RFC 3339 with Z and with an offset to the same instant", () => {
    expect(parseTime("2025-11-22T08:26:40Z", NOW)).toBe(NOW);
    expect(parseTime("2025-11-22T10:26:40+02:00", NOW)).toBe(NOW);
    expect(parseTime("2025-11-22T03:26:40-05:00", NOW)).toBe(NOW);
    expect(parseTime("2025-11-22T08:26:40.250Z", NOW)).toBe(NOW + 0.25);
  });

  it.each([
    ["now-"],
    ["now-15"],
    ["now-15x"],
    ["now - 15m"],
    ["yesterday"],
    ["1e9"],
    ["-1763700000"],
    [""],
    ["   "],
    ["2025-11-22"],
    ["2025-11-22T08:26:40"],
    ["2025-13-45T99:99:99Z"],
  ])("rejects %j with a TimeParseError", (input) => {
    expect(() => parseTime(input, NOW)).toThrow(TimeParseError);
  });

  it("rejects a 1000-character input without echoing all of it", () => {
    const long = "9".repeat(1000);
    let caught: unknown;
    try {
      parseTime(long, NOW);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TimeParseError);
    expect((caught as Error).message.length).toBeLessThan(200);
    expect((caught as Error).message).toContain("…");
  });
});

describe("parseDuration", () => {
  it.each([
    ["30s", 30],
    ["5m", 300],
    ["1h", 3600],
    ["2d", 172_800],
    ["1w", 604_800],
    [" 15s ", 15],
  ])("reads %j as %d seconds", (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });

  it.each([["5"], ["m"], ["1.5h"], ["-5m"], ["5 m"], ["1h30m"], [""], ["now"]])("rejects %j", (input) => {
    expect(() => parseDuration(input)).toThrow(TimeParseError);
  });
});

describe("formatDuration", () => {
  it.each([
    [60, "1m"],
    [90, "90s"],
    [120, "2m"],
    [3600, "1h"],
    [5400, "90m"],
    [86_400, "1d"],
    [0.4, "1s"],
    [0, "1s"],
    [14.6, "15s"],
  ])("formats %d seconds as %j", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it("round-trips through parseDuration", () => {
    for (const s of [1, 15, 60, 75, 300, 3600, 7200, 86_400, 172_800]) {
      expect(parseDuration(formatDuration(s))).toBe(s);
    }
  });
});
