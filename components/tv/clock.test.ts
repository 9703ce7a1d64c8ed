import { describe, expect, it } from "vitest";
import { formatTime, zoneLabel } from "@/lib/ui/time-format";
import { clockFace, localZoneReader } from "./clock";

// 2025-11-22T08:26:40Z
const T = 1_763_800_000_000;

describe("clockFace", () => {
  it("shows the same time, date and zone as formatting them one by one", () => {
    for (const ms of [T, T + 999, T + 12 * 3600_000 + 59_000, Date.UTC(2024, 1, 29, 23, 59, 59)]) {
      const face = clockFace(ms, "UTC", () => "Nowhere/Else");
      expect(face.time).toBe(formatTime(ms / 1000, "UTC", "second"));
      expect(face.date).toBe(formatTime(ms / 1000, "UTC", "full").slice(0, 10));
      expect(face.iso).toBe(new Date(ms).toISOString());
      expect(face.zone).toBe("UTC");
    }
    expect(clockFace(T, "UTC")).toMatchObject({ time: "08:26:40", date: "2025-11-22", zone: "UTC" });
  });

  it("writes out the local zone with its offset, without reading the zone in UTC mode", () => {
    let reads = 0;
    const read = () => {
      reads++;
      return "Europe/Berlin";
    };
    const minutesEast = -new Date(T).getTimezoneOffset();
    expect(clockFace(T, "local", () => read()).zone).toBe(zoneLabel("local", "Europe/Berlin", minutesEast));
    expect(clockFace(T, "local", () => read()).time).toBe(formatTime(T / 1000, undefined, "second"));
    reads = 0;
    clockFace(T, "UTC", () => read());
    expect(reads).toBe(0);
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
