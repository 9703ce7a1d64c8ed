import { StatusGlyph } from "@/components/states/StatusGlyph";
import type { ServiceStatus } from "@/lib/model/types";
import styles from "./services.module.css";

export interface StatusBadgeProps {
  status: ServiceStatus;
  /** What the verdict rests on, shown on hover. */
  title?: string;
}

// One shape per status, so status reads without colour: check, triangle, cross, arrow down, dash.
const ICONS: Record<ServiceStatus, string> = {
  ok: "M4 8.5l2.5 2.5L12 5.5",
  degraded: "M8 4v5M8 11.5v.5",
  failing: "M5 5l6 6M11 5l-6 6",
  down: "M8 3.5v8M4.5 8.5L8 12l3.5-3.5",
  idle: "M4.5 8h7",
};

export interface StatusIconProps {
  status: ServiceStatus;
  /** px, or a CSS length such as "1em" to follow the text. */
  size: number | string;
}

/** The status's shape alone, in the current text colour; decorative, so the word must sit beside it. */
export function StatusIcon({ status, size }: StatusIconProps) {
  return <StatusGlyph mark={ICONS[status]} outline={status === "degraded" ? "triangle" : "circle"} size={size} />;
}

/** The status as colour, icon and word together. */
export function StatusBadge({ status, title }: StatusBadgeProps) {
  return (
    <span className={styles.badge} data-status={status} title={title}>
      <StatusIcon status={status} size={14} />
      {status}
    </span>
  );
}
