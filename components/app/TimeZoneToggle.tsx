"use client";

import type { TimeZoneMode } from "@/lib/ui/url-state";
import { browserTimeZone, zoneLabel } from "@/lib/ui/time-format";
import { useHydrated } from "./use-now";
import styles from "./app.module.css";

export interface TimeZoneToggleProps {
  tz: TimeZoneMode;
  onChange: (tz: TimeZoneMode) => void;
}

/** Before the page runs in the browser, the zone is not known: the mode alone. */
const UNKNOWN_ZONE_LABEL: Record<TimeZoneMode, string> = { UTC: "UTC", local: "local time" };

function localZone(): { name: string; minutesEast: number } {
  return { name: browserTimeZone(), minutesEast: -new Date().getTimezoneOffset() };
}

/** Local ↔ UTC, with the zone in force always written out: times in an incident channel must say which zone they are in. */
export function TimeZoneToggle({ tz, onChange }: TimeZoneToggleProps) {
  // The server does not know the browser's zone; it is named once the page runs in the browser.
  const hydrated = useHydrated();
  const zone = hydrated ? localZone() : null;
  const label = zone ? zoneLabel(tz, zone.name, zone.minutesEast) : UNKNOWN_ZONE_LABEL[tz];
  return (
    <div className={styles.tz}>
      <div role="group" aria-label="Time zone" className={styles.segmented}>
        <button type="button" aria-pressed={tz === "local"} onClick={() => onChange("local")}>
          Local
        </button>
        <button type="button" aria-pressed={tz === "UTC"} onClick={() => onChange("UTC")}>
          UTC
        </button>
      </div>
      <span className={styles.zone}>{label}</span>
    </div>
  );
}
