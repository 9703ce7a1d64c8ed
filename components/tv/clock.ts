// What the wall clock shows each second, with as little work per tick as the same text allows.
import { browserTimeZone, formatTime, intlZone, zoneLabel } from "@/lib/ui/time-format";
import type { TimeZoneMode } from "@/lib/ui/url-state";

export interface ClockFace {
  /** For `<time dateTime>`. */
  iso: string;
  /** `HH:mm:ss` */
  time: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `UTC`, or the local zone with its offset: `Europe/Berlin (UTC+1)`. */
  zone: string;
}

/**
 * The browser's own IANA zone, read at most once a minute and again whenever the offset from UTC
 * changes (summer time, or the machine moved to another zone): reading it costs a new
 * Intl.DateTimeFormat, which a clock ticking every second should not build every second.
 */
export function localZoneReader(read: () => string = browserTimeZone): (nowMs: number, minutesEast: number) => string {
  let minute = Number.NaN;
  let offset = Number.NaN;
  let name = "";
  return (nowMs, minutesEast) => {
    const m = Math.floor(nowMs / 60_000);
    if (m !== minute || minutesEast !== offset) {
      minute = m;
      offset = minutesEast;
      name = read();
    }
    return name;
  };
}

const localZone = localZoneReader();

/** The clock's text at `nowMs` (ms since the epoch) in the chosen zone: one formatting of the instant for both time and date. */
export function clockFace(
  nowMs: number,
  tz: TimeZoneMode,
  readLocalZone: (nowMs: number, minutesEast: number) => string = localZone,
): ClockFace {
  const date = new Date(nowMs);
  // "YYYY-MM-DD HH:mm:ss"
  const full = formatTime(nowMs / 1000, intlZone(tz), "full");
  const minutesEast = -date.getTimezoneOffset();
  return {
    iso: date.toISOString(),
    time: full.slice(11),
    date: full.slice(0, 10),
    // In UTC the label needs no local zone, so none is read.
    zone: zoneLabel(tz, tz === "UTC" ? "" : readLocalZone(nowMs, minutesEast), minutesEast),
  };
}
