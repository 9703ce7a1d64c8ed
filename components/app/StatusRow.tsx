import type { ReactNode } from "react";

export interface StatusRowProps {
  /** 1-based, counting the header row: the virtualised list renders only some rows, so each says where it is. */
  rowIndex: number;
  className?: string;
  /** Drives the row's status edge (status-rows.module.css). */
  status: string;
  /** Offset in px inside the virtualised list; none when the row sits in normal flow. */
  top?: number;
  /** The row is its source's last good copy (several sources, one failing): dimmed, and its badge says so. */
  stale?: boolean;
  children: ReactNode;
}

/** One row of a status table (services, nodes): its ARIA place, its status edge and its position. */
export function StatusRow({ rowIndex, className, status, top, stale, children }: StatusRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className={className}
      data-status={status}
      data-stale={stale || undefined}
      style={top === undefined ? undefined : { transform: `translateY(${top}px)` }}
    >
      {children}
    </div>
  );
}
