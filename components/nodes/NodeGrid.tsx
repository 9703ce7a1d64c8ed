"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, type CSSProperties } from "react";
import type { KubernetesHealth, NodeSummary } from "@/lib/model/node-types";
import { plural } from "@/lib/ui/format";
import { formatNodeSelector } from "@/lib/ui/node-format";
import { nodeHref } from "@/lib/ui/node-href";
import { nodeKey, nodeRows } from "@/lib/ui/node-rows";
import { KubernetesHealthSummary } from "./KubernetesHealthSummary";
import { NodeGridLegend } from "./NodeGridLegend";
import { NodeGridRow } from "./NodeGridRow";
import { useUrlView } from "./use-url-view";
import styles from "./nodes.module.css";

export type NodeGridSize = "normal" | "wall";

export interface NodeGridProps {
  /** As the API sends them: worst first. */
  nodes: NodeSummary[];
  /** The configured node_exporter selector, as the API answers it: named when no series match. */
  selector: Record<string, string>;
  /** Cluster health; adds Kubernetes-only nodes as rows and a health summary below. Hidden when null. */
  kubernetes?: KubernetesHealth | null;
  /**
   * "wall" for the wall screen: every size in em of the surrounding type, so the grid scales with the
   * screen like the rest of `/tv`; rows in plain flow with no inner scrolling (bound them with maxNodes).
   */
  size?: NodeGridSize;
  /** Show the worst this many and count the rest. */
  maxNodes?: number;
  /** Draw the Kubernetes health summary beside or below the grid (the wall screen places it itself). */
  kubernetesSummary?: boolean;
  /** Several sources: each row shows its source, and its link carries it. */
  showSource?: boolean;
}

/** Row height of the normal grid, px: every row the same, so the virtualiser places rows without measuring them. */
const ROW_HEIGHT = 42;
const COLUMNS = ["Status", "Node", "CPU", "Memory", "Disk", "Network"];

/**
 * Nodes as a compact USE grid: one row per node, worst first, one cell per resource. Only the rows
 * in view are in the DOM, so 500 nodes cost what 15 do. Links keep the page's range (read from the URL).
 * The wall size does not virtualise: its rows are bounded by maxNodes, sized in em and laid out in flow.
 */
export function NodeGrid({
  nodes,
  selector,
  kubernetes = null,
  size = "normal",
  maxNodes,
  kubernetesSummary = true,
  showSource = false,
}: NodeGridProps) {
  const view = useUrlView();
  const all = useMemo(() => nodeRows(nodes, kubernetes), [nodes, kubernetes]);
  const rows = maxNodes === undefined ? all : all.slice(0, Math.max(0, maxNodes));
  const hidden = all.length - rows.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions on every render; the React Compiler cannot memoise them, and need not.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    enabled: size !== "wall",
  });
  const wall = size === "wall";
  return (
    <div
      className={styles.nodeGrid}
      data-size={size}
      style={wall ? undefined : ({ "--row-height": `${ROW_HEIGHT}px` } as CSSProperties)}
    >
      <div className={styles.layout}>
        <div className={styles.main}>
          {nodes.length === 0 && (
            <p role="status" className={styles.note}>
              No node_exporter series ({formatNodeSelector(selector)})
              {rows.length > 0 ? ": Kubernetes data only." : "."}
            </p>
          )}
          {rows.length > 0 && (
            <div role="table" aria-label="Nodes" aria-rowcount={all.length + 1} className={styles.table}>
              <div role="rowgroup">
                <div role="row" aria-rowindex={1} className={styles.headRow}>
                  {COLUMNS.map((c) => (
                    <div key={c} role="columnheader">
                      {c}
                    </div>
                  ))}
                </div>
              </div>
              <div role="rowgroup" ref={scrollRef} className={styles.scroller}>
                {wall ? (
                  <div className={styles.rows}>
                    {rows.map((row, i) => (
                      <NodeGridRow
                        key={nodeKey(row.source, row.name)}
                        row={row}
                        href={nodeHref(row.name, view, showSource ? row.source : undefined)}
                        size={size}
                        showSource={showSource}
                        rowIndex={i + 2}
                      />
                    ))}
                  </div>
                ) : (
                  <div className={styles.rows} style={{ height: virtualizer.getTotalSize() }}>
                    {virtualizer.getVirtualItems().map((item) => {
                      const row = rows[item.index];
                      if (!row) return null;
                      return (
                        <NodeGridRow
                          key={nodeKey(row.source, row.name)}
                          row={row}
                          href={nodeHref(row.name, view, showSource ? row.source : undefined)}
                          size={size}
                          showSource={showSource}
                          rowIndex={item.index + 2}
                          top={item.start}
                        />
                      );
                    })}
                  </div>
                )}
              </div>
            </div>
          )}
          {hidden > 0 && (
            <p className={styles.more}>+ {plural(hidden, "more node")}, each at least as well off as those shown</p>
          )}
          {rows.some((r) => r.summary) && <NodeGridLegend />}
        </div>
        {kubernetes && kubernetesSummary && (
          <KubernetesHealthSummary health={kubernetes} view={view} size={size} showSource={showSource} />
        )}
      </div>
    </div>
  );
}
