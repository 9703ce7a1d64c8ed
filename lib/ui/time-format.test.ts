import { describe, expect, it } from "vitest";
import { axisTimeStyle, formatTime, intlZone, timeTicks, utcOffsetLabel, zoneLabel } from "./time-format";

// 2025-11-22T08:26:40Z
const T = 1_763_800_000;

describe("formatTime", () => {
  it("formats in UTC in every style", () => {
    expect(formatTime(T, "UTC", "minute")).toBe("08:26");
    expect(formatTime(T, "UTC", "second")).toBe("08:26:40");
    expect(formatTime(T, "UTC", "date-minute")).toBe("11-22 08:26");
    expect(formatTime(T, "UTC", "full")).toBe("2025-11-22 08:26:40");
  });

  it("formats in another zone, 24-hour", () => {
    expect(formatTime(T + 12 * 3600, "Europe/Berlin", "full")).toBe("2025-11-22 21:26:40");
    expect(formatTime(T, "Asia/Kolkata", "minute")).toBe("13:56");
  });

  it("maps the zone mode to Intl", () => {
    expect(intlZone("UTC")).toBe("UTC");
    expect(intlZone("local")).toBeUndefined();
  });
});

describe("axis and zone labels", () => {
  it("shows dates on ranges of a day or more", () => {
    expect(axisTimeStyle(600)).toBe("second");
    expect(axisTimeStyle(3600)).toBe("minute");
    expect(axisTimeStyle(86_400)).toBe("date-minute");
    expect(axisTimeStyle(7 * 86_400)).toBe("date-minute");
  });

  it("labels offsets", () => {
    expect(utcOffsetLabel(60)).toBe("UTC+1");
    expect(utcOffsetLabel(330)).toBe("UTC+5:30");
    expect(utcOffsetLabel(-180)).toBe("UTC−3");
    expect(utcOffsetLabel(0)).toBe("UTC+0");
  });

  it("always names the zone", () => {
    expect(zoneLabel("UTC", "Europe/Berlin", 60)).toBe("UTC");
    expect(zoneLabel("local", "Europe/Berlin", 60)).toBe("Europe/Berlin (UTC+1)");
  });
});

describe("timeTicks", () => {
  it("picks round steps within the tick budget", () => {
    // 08:26:40 … 09:26:40 UTC: 6 ticks allow every 10 min, 4 only every 15 min.
    expect(timeTicks(T, T + 3600, 6).map((t) => formatTime(t, "UTC", "minute"))).toEqual([
      "08:30",
      "08:40",
      "08:50",
      "09:00",
      "09:10",
      "09:20",
    ]);
    expect(timeTicks(T, T + 3600, 4).map((t) => formatTime(t, "UTC", "minute"))).toEqual([
      "08:30",
      "08:45",
      "09:00",
      "09:15",
    ]);
  });

  it("aligns to the zone's whole hours", () => {
    const ticks = timeTicks(T, T + 6 * 3600, 6, 330 * 60);
    expect(ticks.map((t) => formatTime(t, "Asia/Kolkata", "minute"))).toEqual([
      "14:00",
      "15:00",
      "16:00",
      "17:00",
      "18:00",
      "19:00",
    ]);
  });

  it("copes with empty and very long ranges", () => {
    expect(timeTicks(T, T, 5)).toEqual([]);
    expect(timeTicks(T, T + 365 * 86_400, 4).length).toBeLessThanOrEqual(4);
  });
});
