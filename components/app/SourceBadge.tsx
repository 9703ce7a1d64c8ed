import styles from "./source-badge.module.css";

export interface SourceBadgeProps {
  /** The source's name, as configured (`eu`, `us-east-1`). */
  source: string | undefined;
  /** The row is its source's last good copy: the badge says so in words, not by colour alone. */
  stale?: boolean;
  /** `large` for the wall screen, read from across a room. */
  size?: "normal" | "large";
}

/** Which upstream a row came from: a compact label, shown only when there are several sources. */
export function SourceBadge({ source, stale = false, size = "normal" }: SourceBadgeProps) {
  if (!source) return null;
  return (
    <span
      className={size === "large" ? `${styles.badge} ${styles.large}` : styles.badge}
      data-stale={stale || undefined}
      title={stale ? `Source ${source}: not answering, showing its last data` : `Source ${source}`}
    >
      <span className="sr-only">source </span>
      {source}
      {stale && <span className={styles.staleWord}> · stale</span>}
    </span>
  );
}
