import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clockFace, localZoneReader } from "./clock";

// 2025-11-22T08:26:40Z
const T = 1_763_800_000_000;

describe("clockFace", () => {
  it("shows the time, date and zone of the instant in UTC", () => {
    const read = () => "Nowhere/Else";
    expect(clockFace(T, "UTC", read)).toEqual({
      iso: "2025-11-22T08:26:40.000Z",
      time: "08:26:40",
      date: "2025-11-22",
      zone: "UTC",
    });
    // The same second until its last millisecond.
    expect(clockFace(T + 999, "UTC", read)).toEqual({
      iso: "2025-11-22T08:26:40.999Z",
      time: "08:26:40",
      date: "2025-11-22",
      zone: "UTC",
    });
    expect(clockFace(T + 12 * 3600_000 + 59_000, "UTC", read)).toEqual({
      iso: "2025-11-22T20:27:39.000Z",
      time: "20:27:39",
      date: "2025-11-22",
      zone: "UTC",
    });
    expect(clockFace(Date.UTC(2024, 1, 29, 23, 59, 59), "UTC", read)).toEqual({
      iso: "2024-02-29T23:59:59.000Z",
      time: "23:59:59",
      date: "2024-02-29",
      zone: "UTC",
    });
  });

  describe("in the local zone", () => {
    // A zone with a half-hour offset and no summer time, so the expected text is the same all year.
    beforeAll(() => {
      vi.stubEnv("TZ", "Asia/Kolkata");
    });
    afterAll(() => {
      vi.unstubAllEnvs();
    });

    it("writes out the local zone with its offset, and the local date past midnight", () => {
      const read = () => "Asia/Kolkata";
      expect(clockFace(T, "local", read)).toEqual({
        iso: "2025-11-22T08:26:40.000Z",
        time: "13:56:40",
        date: "2025-11-22",
        zone: "Asia/Kolkata (UTC+5:30)",
      });
      // 20:27:39 UTC is already the next day in India.
      expect(clockFace(T + 12 * 3600_000 + 59_000, "local", read)).toEqual({
        iso: "2025-11-22T20:27:39.000Z",
        time: "01:57:39",
        date: "2025-11-23",
        zone: "Asia/Kolkata (UTC+5:30)",
      });
    });

    it("does not read the local zone in UTC mode", () => {
      let reads = 0;
      const read = () => {
        reads++;
        return "Asia/Kolkata";
      };
      expect(clockFace(T, "UTC", read).zone).toBe("UTC");
      expect(reads).toBe(0);
      expect(clockFace(T, "local", read).zone).toBe("Asia/Kolkata (UTC+5:30)");
      expect(reads).toBe(1);
    });
  });
});

describe("localZoneReader", () => {
  it("reads the zone once a minute, and again when the offset changes", () => {
    const names = ["Europe/Berlin", "Europe/London", "Asia/Kolkata"];
    let reads = 0;
    const zone = localZoneReader(() => names[Math.min(reads++, names.length - 1)] as string);
    const minute = Math.floor(T / 60_000) * 60_000;
    expect(zone(minute, 60)).toBe("Europe/Berlin");
    expect(zone(minute + 59_999, 60)).toBe("Europe/Berlin");
    expect(reads).toBe(1);
    // The offset changed (the machine's zone was switched): read at once.
    expect(zone(minute + 59_999, 0)).toBe("Europe/London");
    expect(reads).toBe(2);
    // The next minute: read again.
    expect(zone(minute + 60_000, 0)).toBe("Asia/Kolkata");
    expect(reads).toBe(3);
  });
});
