// Times in the zone the viewer chose. Numeric, 24-hour and ISO-ordered, because an incident
// timeline read across teams and locales must not depend on the reader's locale settings.
import type { TimeZoneMode } from "./url-state";

export type TimeStyle = "minute" | "second" | "date-minute" | "full";

/** The IANA zone for Intl: "UTC", or undefined for the browser's own zone. */
export function intlZone(mode: TimeZoneMode): string | undefined {
  return mode === "UTC" ? "UTC" : undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string | undefined): Intl.DateTimeFormat {
  const key = zone ?? "";
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, f);
  }
  return f;
}

/** Unix seconds as `HH:mm`, `HH:mm:ss`, `MM-DD HH:mm` or `YYYY-MM-DD HH:mm:ss` in `zone`. */
export function formatTime(unixSeconds: number, zone: string | undefined, style: TimeStyle): string {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(unixSeconds * 1000))) parts[p.type] = p.value;
  const hm = `${parts.hour}:${parts.minute}`;
  if (style === "minute") return hm;
  if (style === "second") return `${hm}:${parts.second}`;
  if (style === "date-minute") return `${parts.month}-${parts.day} ${hm}`;
  return `${parts.year}-${parts.month}-${parts.day} ${hm}:${parts.second}`;
}

/** The style for ticks on a time axis spanning `spanSeconds`: from a day on, ticks carry the date. */
export function axisTimeStyle(spanSeconds: number): TimeStyle {
  if (spanSeconds >= 86_400) return "date-minute";
  if (spanSeconds <= 600) return "second";
  return "minute";
}

/** An offset from UTC in minutes east, as `UTC+1`, `UTC+5:30`, `UTC−3`, `UTC+0`. */
export function utcOffsetLabel(minutesEast: number): string {
  const sign = minutesEast < 0 ? "−" : "+";
  const abs = Math.abs(minutesEast);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, "0")}` : ""}`;
}

/** The browser's own IANA zone name, e.g. `Europe/Berlin`: what "local" means in the labels. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** What the header says about the zone: `UTC`, or the local zone with its offset, `Europe/Berlin (UTC+1)`. */
export function zoneLabel(mode: TimeZoneMode, localZone: string, minutesEast: number): string {
  if (mode === "UTC") return "UTC";
  return `${localZone} (${utcOffsetLabel(minutesEast)})`;
}

// Tick spacings a person reads at a glance on a time axis.
const TICK_STEPS = [
  10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
];

/**
 * Round-numbered ticks between `from` and `to` (unix seconds), at most `maxTicks`, aligned to
 * whole minutes, hours or days in the zone `offsetSeconds` east of UTC.
 */
export function timeTicks(from: number, to: number, maxTicks: number, offsetSeconds = 0): number[] {
  if (!(to > from) || maxTicks < 1) return [];
  const step =
    TICK_STEPS.find((s) => (to - from) / s <= maxTicks) ?? Math.ceil((to - from) / maxTicks / 86_400) * 86_400;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offsetSeconds) / step) * step - offsetSeconds; t <= to; t += step) ticks.push(t);
  return ticks;
}
