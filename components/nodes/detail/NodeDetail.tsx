"use client";

import type { GraphFrame } from "@/components/services/detail/graph-frame";
import { QueryFreshnessBanner } from "@/components/states/FreshnessBanner";
import { Panel, panelStatus } from "@/components/states/Panel";
import { PanelBoundary } from "@/components/states/PanelBoundary";
import { ApiRequestError, describeError } from "@/lib/ui/fetch-json";
import { formatNodeSelector } from "@/lib/ui/node-format";
import { displayStatus, explainReasons, kubernetesOnlyVerdict } from "@/lib/ui/node-rows";
import { viewHref, type ViewState } from "@/lib/ui/url-state";
import { useNodeDetail } from "../use-nodes";
import { FilesystemsTable } from "./FilesystemsTable";
import { KubernetesNodeSection } from "./KubernetesNodeSection";
import { NodeHeading } from "./NodeHeading";
import { NodeNotFound } from "./NodeNotFound";
import { UseGraphs } from "./UseGraphs";
import styles from "./node-detail.module.css";

export interface NodeDetailProps {
  name: string;
  view: ViewState;
}

/** One node over the range: fetches once, and every chart and table draws from that one answer. */
export function NodeDetail({ name, view }: NodeDetailProps) {
  const query = useNodeDetail(name, view);
  const overviewHref = viewHref("/", view);
  const data = query.data;

  if (query.error instanceof ApiRequestError && query.error.code === "node_not_found") {
    return <NodeNotFound name={name} overviewHref={overviewHref} />;
  }
  if (!data && query.isError) {
    return (
      <>
        <NodeHeading name={name} verdict={null} node={null} kubernetes={null} overviewHref={overviewHref} />
        <Panel title="Node data" status="error" errorText={describeError(query.error)} onRetry={() => void query.refetch()} height={160} />
      </>
    );
  }

  const frame: GraphFrame = {
    domain: data ? [data.from, data.to] : [0, 1],
    step: data?.step ?? 0,
    tz: view.tz,
    marker: data && view.at !== null ? data.at : null,
    loading: !data,
    stale: data?.stale ?? false,
  };
  const node = data?.node ?? null;
  const kubernetes = data?.kubernetes ?? null;
  let verdict = null;
  if (node) verdict = { status: displayStatus(node), reasons: explainReasons(node.statusReasons, kubernetes?.conditions) };
  else if (kubernetes) {
    const v = kubernetesOnlyVerdict(kubernetes);
    verdict = { status: displayStatus({ up: null, status: v.status, statusReasons: v.reasons }), reasons: explainReasons(v.reasons, kubernetes.conditions) };
  }
  // Only Kubernetes knows this node: there is nothing to chart, and saying so beats four empty panels.
  const kubernetesOnly = data !== undefined && node === null;
  return (
    <>
      <QueryFreshnessBanner query={query} />
      <NodeHeading name={data?.name ?? name} verdict={verdict} node={node} kubernetes={kubernetes} overviewHref={overviewHref} />
      {kubernetesOnly ? (
        <p role="status" className={styles.notice}>
          No node_exporter data for this node: Kubernetes reports it, but no node_exporter series ({formatNodeSelector(data.selector)}) maps to it, so there is no CPU, memory, disk or network use to show.
        </p>
      ) : (
        <PanelBoundary name="Resource use">
          <UseGraphs frame={frame} series={data?.series ?? null} />
        </PanelBoundary>
      )}
      <div className={styles.lower}>
        {!kubernetesOnly && (
          <PanelBoundary name="Filesystems">
            <Panel title="Filesystems" status={panelStatus(!data, Boolean(node?.filesystems.length))} emptyText="No filesystems reported for this node" stale={frame.stale} height="auto">
              <FilesystemsTable filesystems={node?.filesystems ?? []} />
            </Panel>
          </PanelBoundary>
        )}
        {kubernetes && (
          <PanelBoundary name="Kubernetes">
            <Panel title="Kubernetes" stale={frame.stale} status="ready" height="auto">
              <KubernetesNodeSection node={kubernetes} />
            </Panel>
          </PanelBoundary>
        )}
      </div>
    </>
  );
}
