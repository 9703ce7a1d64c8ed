"use client";

import { memo, useMemo } from "react";
import { NodeGrid } from "@/components/nodes/NodeGrid";
import type { NodesResponse } from "@/lib/model/node-types";
import { nodeRows } from "@/lib/ui/node-rows";
import { TvPlaceholder } from "./TvPlaceholder";
import { useShrinkToFit } from "./use-fit";
import styles from "./tv.module.css";

export interface TvNodesProps {
  /** The last answer; undefined before the first. */
  data: NodesResponse | undefined;
  /** Several sources: each node shows its source. */
  showSource: boolean;
  /** Why there is no answer yet, in words; null while none failed. */
  error: string | null;
}

const ROW = "[role=row][aria-rowindex]:not([aria-rowindex='1'])";

/**
 * The node grid in its wall size, bounded to the nodes that fit. The wall size is drawn in em of the
 * screen's type, so it scales with the screen like the rest of the page. `inert`: the grid links each
 * node to its page, and a wall screen has nothing to focus or click. Memoised on the answer: the
 * other queries' refreshes re-render the screen, not the grid.
 */
export const TvNodes = memo(function TvNodes({ data, showSource, error }: TvNodesProps) {
  const total = useMemo(() => (data ? nodeRows(data.nodes, data.kubernetes).length : 0), [data]);
  const { ref, shown } = useShrinkToFit<HTMLDivElement>(total, ROW, data);
  return (
    <div ref={ref} className={styles.fill} inert>
      {data ? (
        // The content useShrinkToFit measures against the box.
        <div>
          <NodeGrid
            nodes={data.nodes}
            selector={data.selector}
            kubernetes={data.kubernetes}
            size="wall"
            maxNodes={shown}
            kubernetesSummary={false}
            showSource={showSource}
          />
        </div>
      ) : (
        <TvPlaceholder error={error}>Loading nodes…</TvPlaceholder>
      )}
    </div>
  );
});
