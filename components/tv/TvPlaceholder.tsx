import type { ReactNode } from "react";
import styles from "./tv.module.css";

export interface TvPlaceholderProps {
  /** What failed, in words; while null, the children (a loading line) are shown. */
  error: string | null;
  children: ReactNode;
}

/** A panel with no data yet: loading, or what failed ("Prometheus unavailable: cannot reach the upstream at …"), never "Loading…" for ever. */
export function TvPlaceholder({ error, children }: TvPlaceholderProps) {
  if (error === null) return <p className={styles.placeholder}>{children}</p>;
  return <p className={`${styles.placeholder} ${styles.failed}`}>{error}</p>;
}
