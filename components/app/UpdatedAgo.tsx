"use client";

import { formatAge } from "@/lib/ui/format";
import { useNow } from "./use-now";
import styles from "./app.module.css";

export interface UpdatedAgoProps {
  /** When the data on screen was fetched from Prometheus, ms since the epoch; 0 when there is none. */
  updatedAt: number;
  /** When the server last answered at all, ms since the epoch; 0 before the first answer. */
  checkedAt: number;
  fetching: boolean;
}

/** "Updated 12 s ago", ticking. Not a live region: a screen reader should not hear it every second. */
export function UpdatedAgo({ updatedAt, checkedAt, fetching }: UpdatedAgoProps) {
  const now = useNow();
  const ago = (t: number) => (now === null ? "" : ` ${formatAge((now - t) / 1000)} ago`);
  let text = "Loading…";
  if (updatedAt > 0) text = `Updated${ago(updatedAt)}`;
  else if (checkedAt > 0) text = `Checked${ago(checkedAt)}`;
  return (
    <span className={`${styles.updated} num`} data-fetching={fetching || undefined}>
      <span className={styles.pulse} aria-hidden="true" />
      {text}
    </span>
  );
}
