import type { ResourceCell } from "@/lib/ui/node-cells";
import styles from "./nodes.module.css";

export interface MarkIconProps {
  mark: "saturated" | "errors";
}

/** The mark of a saturated resource (a warning triangle) or of network errors (a crossed circle). */
export function MarkIcon({ mark }: MarkIconProps) {
  return (
    <svg className={styles.markIcon} width="12" height="12" viewBox="0 0 16 16" aria-hidden="true">
      {mark === "saturated" ? (
        <>
          <path
            d="M8 1L15.5 14.5H0.5z"
            fill="var(--status-failing)"
            stroke="var(--on-status)"
            strokeWidth="1"
            strokeLinejoin="round"
          />
          <path d="M8 5.5v4.5M8 12v.3" stroke="var(--on-status)" strokeWidth="1.8" strokeLinecap="round" />
        </>
      ) : (
        <>
          <circle cx="8" cy="8" r="7.2" fill="var(--status-failing)" stroke="var(--on-status)" strokeWidth="1" />
          <path
            d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4"
            stroke="var(--on-status)"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </>
      )}
    </svg>
  );
}

export interface ResourceCellViewProps {
  cell: ResourceCell;
}

/**
 * One resource of one node: filled by utilization on the sequential scale, with the number written
 * in it and a mark when saturated. The tooltip and the screen-reader text carry every number and unit.
 */
export function ResourceCellView({ cell }: ResourceCellViewProps) {
  return (
    <div
      role="cell"
      className={styles.cell}
      data-resource={cell.resource}
      data-level={cell.level ?? undefined}
      data-mark={cell.mark ?? undefined}
      title={cell.description}
    >
      <span className={`${styles.cellText} num`} aria-hidden="true">
        {cell.text.map((t) => (
          <span key={t}>{t}</span>
        ))}
      </span>
      {cell.mark && <MarkIcon mark={cell.mark} />}
      <span className="sr-only">{cell.description}</span>
    </div>
  );
}
