"use client";

import type { Sourced } from "@/lib/model/types";
import { sourceText } from "@/lib/ui/source-text";
import type { TimeZoneMode } from "@/lib/ui/url-state";
import { useNow } from "./use-now";
import styles from "./app.module.css";

export interface SourceNoteProps {
  /** The page's answers' source; null where the page has none (nodes, status) or before the first answer. */
  source: Sourced | null;
  tz: TimeZoneMode;
}

/** Quietly, beside the data's age: whether the values came from the recording rules or from raw series. */
export function SourceNote({ source, tz }: SourceNoteProps) {
  // A time in the browser's zone, which the server does not know.
  const now = useNow();
  if (now === null || source === null) return null;
  const minutesEast = source.recordedFrom === undefined ? 0 : -new Date(source.recordedFrom * 1000).getTimezoneOffset();
  const text = sourceText(source, tz, minutesEast);
  return (
    <span className={styles.source} data-source={source.source}>
      {text}
    </span>
  );
}
