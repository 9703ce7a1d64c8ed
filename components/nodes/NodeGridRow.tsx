import Link from "next/link";
import { SourceBadge } from "@/components/app/SourceBadge";
import { StatusRow } from "@/components/app/StatusRow";
import { memo } from "react";
import { resourceCells } from "@/lib/ui/node-cells";
import type { NodeRow } from "@/lib/ui/node-rows";
import type { NodeGridSize } from "./NodeGrid";
import { NodeStatusBadge } from "./NodeStatusBadge";
import { ResourceCellView } from "./ResourceCellView";
import statusRows from "@/components/app/status-rows.module.css";
import styles from "./nodes.module.css";

export interface NodeGridRowProps {
  row: NodeRow;
  href: string;
  size: NodeGridSize;
  /** Several sources: the row shows its source, and is marked when that source's copy is stale. */
  showSource: boolean;
  /** 1-based position among all rows, header included, for assistive tech. */
  rowIndex: number;
  /** Offset from the top of the virtualised list, px; none for a row in plain flow (the wall size). */
  top?: number;
}

/** One node: status, name and why, then CPU, memory, disk and network. */
export const NodeGridRow = memo(function NodeGridRow({ row, href, size, showSource, rowIndex, top }: NodeGridRowProps) {
  const s = row.summary;
  // The second line says why a node is not ok (less what its badge already says); for an ok node, where it is.
  const why = row.reasons.filter((r) => r !== row.display);
  const where = s && s.instance !== row.name ? s.instance : "";
  const detail = why.length ? why.join("; ") : where;
  return (
    <StatusRow
      rowIndex={rowIndex}
      className={styles.row}
      status={row.display}
      top={top}
      stale={showSource && Boolean(row.stale)}
    >
      <div role="cell" className={statusRows.statusCell}>
        <NodeStatusBadge status={row.display} size={size} />
      </div>
      <div role="cell" className={styles.nameCell}>
        <Link href={href} className={styles.name} prefetch={false} title={s ? `${row.name} (${s.instance})` : row.name}>
          {row.name}
        </Link>
        {(detail || showSource) && (
          <span className={why.length ? styles.reasons : styles.meta} title={detail || undefined}>
            {/* On the second line, so the node's name keeps the first line's room. */}
            {showSource && (
              <>
                <SourceBadge source={row.source} stale={row.stale} size={size === "wall" ? "large" : "normal"} />{" "}
              </>
            )}
            {detail}
          </span>
        )}
      </div>
      {s ? (
        resourceCells(s).map((cell) => <ResourceCellView key={cell.resource} cell={cell} />)
      ) : (
        <div role="cell" aria-colspan={4} className={styles.noExporter}>
          <span>
            no node_exporter data{row.kubernetes?.pods.running != null && ` · ${row.kubernetes.pods.running} pods`}
          </span>
        </div>
      )}
    </StatusRow>
  );
});
