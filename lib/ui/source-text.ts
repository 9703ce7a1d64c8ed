// What a page says, quietly, about where its values came from and about the recording rules.
import type { ConventionRules, Sourced } from "@/lib/model/types";
import { formatTime, intlZone, utcOffsetLabel } from "./time-format";
import type { TimeZoneMode } from "./url-state";

/** The zone a time is said in: "UTC", or the local offset at that time. */
function zoneOf(tz: TimeZoneMode, minutesEast: number): string {
  return tz === "UTC" ? "UTC" : utcOffsetLabel(minutesEast);
}

/** "from recorded rules", "raw series", "recorded since 14:05 UTC+1, raw before"; null before any answer. */
export function sourceText(s: Sourced | null, tz: TimeZoneMode, minutesEast: number): string | null {
  if (s === null) return null;
  if (s.source === "recorded") return "from recorded rules";
  if (s.source === "raw") return "raw series";
  if (s.recordedFrom === undefined) return "recorded and raw series";
  return `recorded since ${formatTime(s.recordedFrom, intlZone(tz), "minute")} ${zoneOf(tz, minutesEast)}, raw before`;
}

/** A convention's recording rules on /status: installed since when, outdated, or not installed. */
export function rulesText(r: ConventionRules, tz: TimeZoneMode, minutesEast: number): string {
  if (r.state === "absent") return "not installed";
  if (r.state === "outdated") return "outdated: generate and load them again";
  if (r.since === null) return "installed";
  return `installed since ${formatTime(r.since, intlZone(tz), "date-minute")} ${zoneOf(tz, minutesEast)}`;
}
