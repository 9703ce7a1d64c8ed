"use client";

import { memo } from "react";
import { useNow } from "@/components/app/use-now";
import type { TimeZoneMode } from "@/lib/ui/url-state";
import { clockFace } from "./clock";
import styles from "./tv.module.css";

export interface TvClockProps {
  tz: TimeZoneMode;
}

/**
 * The time and date in big type, with the zone written out: a wall is read by people in other zones too.
 * Memoised: it follows the one-second clock, not the screen's data refreshes.
 */
export const TvClock = memo(function TvClock({ tz }: TvClockProps) {
  // Null while the server renders: it knows neither the browser's clock nor its zone.
  const now = useNow();
  if (now === null) return <div className={styles.clock} />;
  const face = clockFace(now, tz);
  return (
    <div className={styles.clock}>
      <time className={`${styles.time} num`} dateTime={face.iso}>
        {face.time}
      </time>
      <span className={styles.zone}>
        {face.date} · {face.zone}
      </span>
    </div>
  );
});
