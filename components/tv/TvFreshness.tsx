"use client";

import { useNow } from "@/components/app/use-now";
import { formatAge } from "@/lib/ui/format";
import type { SourceState as UpstreamState } from "@/lib/model/types";
import { failureText, screenFreshness, type SourceState } from "@/lib/ui/screen-freshness";
import { sourceNotices } from "@/lib/ui/sources";
import styles from "./tv.module.css";

export interface TvFreshnessProps {
  sources: readonly SourceState[];
  /** The refresh interval in force, seconds; null until the server's minimum is known. */
  refreshSeconds: number | null;
}

/** "Last updated 4 s ago" under the clock. Not a live region: nobody should hear it every second. */
export function TvUpdated({ sources, refreshSeconds }: TvFreshnessProps) {
  const now = useNow();
  if (now === null) return <span className={styles.updated}>Loading…</span>;
  const { ageSeconds } = screenFreshness(sources, now, refreshSeconds);
  return (
    <span className={`${styles.updated} num`}>
      {ageSeconds === null ? "Waiting for data…" : `Last updated ${formatAge(ageSeconds)} ago`}
      {refreshSeconds !== null && <span className={styles.every}> · every {formatAge(refreshSeconds)}</span>}
    </span>
  );
}

/**
 * The banner across the screen when the data is not fresh: stale copies, failed refreshes, or data
 * older than two refresh intervals. The data stays on screen below it; only the banner says it is old.
 * The ticking age is hidden from assistive tech, so the alert is announced once, not every second.
 */
export function TvBanner({ sources, refreshSeconds }: TvFreshnessProps) {
  const now = useNow();
  if (now === null) return null;
  const { ageSeconds, problem } = screenFreshness(sources, now, refreshSeconds);
  if (problem === null) return null;
  return (
    <div role="alert" className={`${styles.banner} num`}>
      <svg width="1.2em" height="1.2em" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M8 1.8L15 14H1z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        <path d="M8 6.2v3.6M8 11.9v.2" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <span>
        {ageSeconds === null ? (
          // Nothing to show: say what failed, not only that something did.
          `No data — ${failureText(sources) ?? problem}`
        ) : (
          <>
            <span className="sr-only">Data is old</span>
            <span aria-hidden="true">Data is {formatAge(ageSeconds)} old</span> — {problem}
          </>
        )}
      </span>
    </div>
  );
}

export interface TvSourceNoticesProps {
  /** The services answer's sources (several sources only; one source has the banner above). */
  sources: readonly UpstreamState[] | undefined;
}

/** A bar per source that failed or is old, naming it: the other sources' rows below stay live. */
export function TvSourceNotices({ sources }: TvSourceNoticesProps) {
  if ((sources?.length ?? 0) <= 1) return null;
  const notices = sourceNotices(sources);
  if (notices.length === 0) return null;
  return (
    <div role="alert" className={styles.sourceNotices}>
      {notices.map((n) => (
        <p key={n.source} className={`${styles.banner} num`} data-kind={n.kind}>
          {n.text}
        </p>
      ))}
    </div>
  );
}
