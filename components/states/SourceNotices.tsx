import type { SourceState } from "@/lib/model/types";
import { sourceNotices } from "@/lib/ui/sources";
import styles from "./states.module.css";

export interface SourceNoticesProps {
  sources: readonly SourceState[] | undefined;
}

/**
 * One notice per source that failed (its rows are missing) or is old (its rows are marked stale),
 * naming it: the other sources' rows stay live, so one dead cluster never blanks or greys the wall.
 */
export function SourceNotices({ sources }: SourceNoticesProps) {
  const notices = sourceNotices(sources);
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((n) => (
        <div
          key={n.source}
          role={n.kind === "error" ? "alert" : "status"}
          className={`${styles.banner} ${n.kind === "error" ? styles.bannerError : styles.bannerWarn}`}
        >
          {n.text}
        </div>
      ))}
    </>
  );
}
