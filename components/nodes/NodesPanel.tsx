"use client";

import { useMemo } from "react";
import { QueryFreshnessBanner } from "@/components/states/FreshnessBanner";
import { Panel, type PanelStatus } from "@/components/states/Panel";
import { describeError } from "@/lib/ui/fetch-json";
import { formatNodeSelector } from "@/lib/ui/node-format";
import { nodeCountLabel, nodeRows } from "@/lib/ui/node-rows";
import { showsSources, wholeAnswerStale } from "@/lib/ui/sources";
import type { ViewState } from "@/lib/ui/url-state";
import { NodeGrid } from "./NodeGrid";
import { useNodes } from "./use-nodes";
import styles from "./panel.module.css";

export interface NodesPanelProps {
  view: ViewState;
}

// Loading, empty and error take about the room a few nodes would, so the column does not jump.
const PLACEHOLDER_HEIGHT = 200;

/** The overview's node column: fetches nodes, and shows the grid with its loading, empty, error and stale states. */
export function NodesPanel({ view }: NodesPanelProps) {
  const query = useNodes(view);
  const data = query.data;
  const count = useMemo(() => (data ? nodeCountLabel(nodeRows(data.nodes, data.kubernetes)) : null), [data]);

  let status: PanelStatus = "ready";
  if (!data) status = query.isError ? "error" : "loading";
  else if (data.nodes.length === 0 && !data.kubernetes?.nodes.length) status = "empty";

  return (
    <div className={styles.column}>
      {/* The services panel beside it names a failed or old source; the stale rows here are marked. */}
      <QueryFreshnessBanner query={query} sourceNotices={false} />
      <Panel
        title="Nodes"
        aside={status === "ready" && count && <span className="num">{count}</span>}
        status={status}
        emptyText={
          data && (
            <p>
              No node_exporter series (<code>{formatNodeSelector(data.selector)}</code>) and no Kubernetes nodes in this
              range. If your node_exporter is scraped under another job, set <code>nodes.selector</code> in the config
              file, e.g. <code>{"nodes: {selector: {job: node-exporter}}"}</code>.
            </p>
          )
        }
        errorText={describeError(query.error)}
        onRetry={() => void query.refetch()}
        stale={data && wholeAnswerStale(data)}
        height={status === "ready" ? "auto" : PLACEHOLDER_HEIGHT}
      >
        {data && (
          <NodeGrid
            nodes={data.nodes}
            selector={data.selector}
            kubernetes={data.kubernetes}
            showSource={showsSources(data.sources, view.source)}
          />
        )}
      </Panel>
    </div>
  );
}
