import type { ReactNode } from "react";
import type { SeverityLevel } from "@/lib/ui/alerts";
import styles from "./alerts.module.css";

// One shape per level, so severity reads without colour: octagon (stop), triangle (caution), circle (note).
const OUTLINES: Record<SeverityLevel, string> = {
  critical: "M5.2 1.3h5.6l3.9 3.9v5.6l-3.9 3.9H5.2l-3.9-3.9V5.2z",
  warning: "M8 1.8L15 14H1z",
  info: "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z",
};
const MARKS: Record<SeverityLevel, string> = {
  critical: "M8 4.6v4.2M8 11.2v.3",
  warning: "M8 6.2v3.6M8 11.9v.2",
  info: "M8 7.2v4.3M8 4.7v.2",
};

export interface SeverityIconProps {
  level: SeverityLevel;
  /** px, or a CSS length such as "1em" to follow the text. */
  size: number | string;
}

/** The level's shape in the current text colour; decorative, the word goes beside it. */
export function SeverityIcon({ level, size }: SeverityIconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className={styles.icon}>
      <path d={OUTLINES[level]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      <path d={MARKS[level]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

export interface SeverityBadgeProps {
  level: SeverityLevel;
  /** Pending alerts are drawn hollow and dashed: not firing yet. */
  pending?: boolean;
  /** The words on the badge; the level by default. */
  children?: ReactNode;
}

/** Severity as colour, shape and word together. */
export function SeverityBadge({ level, pending = false, children }: SeverityBadgeProps) {
  return (
    <span className={styles.severity} data-level={level} data-pending={pending || undefined}>
      <SeverityIcon level={level} size="1.15em" />
      {children ?? level}
    </span>
  );
}
