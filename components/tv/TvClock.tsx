"use client";

import { useNow } from "@/components/app/use-now";
import { formatTime, intlZone, zoneLabel } from "@/lib/ui/time-format";
import type { TimeZoneMode } from "@/lib/ui/url-state";
import styles from "./tv.module.css";

export interface TvClockProps {
  tz: TimeZoneMode;
}

/** The time and date in big type, with the zone written out: a wall is read by people in other zones too. */
export function TvClock({ tz }: TvClockProps) {
  // Null while the server renders: it knows neither the browser's clock nor its zone.
  const now = useNow();
  if (now === null) return <div className={styles.clock} />;
  const zone = intlZone(tz);
  const t = now / 1000;
  const label = zoneLabel(tz, Intl.DateTimeFormat().resolvedOptions().timeZone, -new Date(now).getTimezoneOffset());
  return (
    <div className={styles.clock}>
      <time className={`${styles.time} num`} dateTime={new Date(now).toISOString()}>
        {formatTime(t, zone, "second")}
      </time>
      <span className={styles.zone}>
        {formatTime(t, zone, "full").slice(0, 10)} · {label}
      </span>
    </div>
  );
}
