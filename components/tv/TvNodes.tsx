"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { NodeGrid } from "@/components/nodes/NodeGrid";
import type { NodesResponse } from "@/lib/api/node-types";
import { nodeRows } from "@/lib/ui/node-rows";
import { useShrinkToFit } from "./use-fit";
import styles from "./tv.module.css";

export interface TvNodesProps {
  query: UseQueryResult<NodesResponse>;
}

const ROW = "[role=row][aria-rowindex]:not([aria-rowindex='1'])";
/** The wall screen's type size at 1080p (2.7vh), px: the large grid is drawn in px for that screen. */
const FONT_PX_AT_1080P = 29.16;

/**
 * The node grid in its large size, bounded to the nodes that fit. Its large size is laid out in px
 * for a 1080p screen, so it is zoomed with the screen's type (×2 at 2160p) to look the same on every
 * screen. `inert`: the grid links each node to its page, and a wall screen has nothing to focus or click.
 */
export function TvNodes({ query }: TvNodesProps) {
  const data = query.data;
  const total = useMemo(() => (data ? nodeRows(data.nodes, data.kubernetes).length : 0), [data]);
  const { ref, shown, fontPx } = useShrinkToFit<HTMLDivElement>(total, ROW, data);
  const zoom = fontPx > 0 ? Math.round((fontPx / FONT_PX_AT_1080P) * 100) / 100 : 1;
  return (
    <div ref={ref} className={styles.fill} inert>
      {data ? (
        <div style={{ zoom }}>
          <NodeGrid nodes={data.nodes} kubernetes={data.kubernetes} size="large" maxNodes={shown} />
        </div>
      ) : (
        <p className={styles.placeholder}>Loading nodes…</p>
      )}
    </div>
  );
}
