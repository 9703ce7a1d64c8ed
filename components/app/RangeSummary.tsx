"use client";

import { parseTime } from "@/lib/time/parse-time";
import { formatTime, intlZone, type TimeStyle } from "@/lib/ui/time-format";
import type { ViewState } from "@/lib/ui/url-state";
import { useNow } from "./use-now";
import styles from "./app.module.css";

export interface RangeSummaryProps {
  view: ViewState;
  range: { from: number; to: number } | null;
  onClearAt: () => void;
}

/** The range on screen in absolute times, and the `at` marker of an incident link with a way to drop it. */
export function RangeSummary({ view, range, onClearAt }: RangeSummaryProps) {
  // Times depend on the browser's zone and clock, which the server does not know.
  const now = useNow();
  if (now === null) return null;
  const zone = intlZone(view.tz);
  // A range longer than a day, or one that ended over a day ago, needs its dates.
  const dated = range !== null && (range.to - range.from >= 86_400 || now / 1000 - range.to > 86_400);
  const style: TimeStyle = dated ? "date-minute" : "second";
  return (
    <div className={`${styles.summary} num`}>
      {range && (
        <span>
          {formatTime(range.from, zone, style)} – {formatTime(range.to, zone, style)}
        </span>
      )}
      {view.at !== null && (
        <span className={styles.atChip} title={atText(view.at, zone, "full")}>
          at {atText(view.at, zone, style)}
          <button type="button" onClick={onClearAt} aria-label="Clear the at marker">
            ×
          </button>
        </span>
      )}
    </div>
  );
}

// An absolute `at` reads as a time in the chosen zone; a relative one ("now-5m") is clearest as written.
function atText(at: string, zone: string | undefined, style: TimeStyle): string {
  return at.startsWith("now") ? at : formatTime(parseTime(at, 0), zone, style);
}
