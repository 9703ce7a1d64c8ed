import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./detail.module.css";

export interface DetailHeadingProps {
  name: string;
  /** Where the back link goes ("/" with the view) and what it says. */
  back: { href: string; label: string };
  /** The status badge; null while loading. */
  badge: ReactNode;
  /** Why the status is what it is, in words; empty for none. */
  reasons: readonly string[];
  /** Where the service or node was found and how it is judged; null while loading. */
  meta: ReactNode;
  /** The current values as `<div><dt/><dd/></div>` items; null while loading. */
  values: ReactNode;
}

/** A detail page's heading: back link, name, status and why, where it was found, and its current values. */
export function DetailHeading({ name, back, badge, reasons, meta, values }: DetailHeadingProps) {
  return (
    <div className={styles.heading}>
      <Link href={back.href} className={styles.back}>
        {back.label}
      </Link>
      <div className={styles.titleRow}>
        <h1>{name}</h1>
        {badge}
        {reasons.length > 0 && (
          <p className={styles.reasons}>
            <span className="sr-only">Why: </span>
            {reasons.join("; ")}
          </p>
        )}
      </div>
      {meta && <p className={styles.meta}>{meta}</p>}
      {values && (
        <dl className={`${styles.current} num`} aria-label="Current values">
          {values}
        </dl>
      )}
    </div>
  );
}
