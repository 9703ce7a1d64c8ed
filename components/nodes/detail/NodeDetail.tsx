"use client";

import { DetailPage } from "@/components/detail/DetailPage";
import detailStyles from "@/components/detail/detail.module.css";
import { graphFrame } from "@/components/detail/graph-frame";
import { Panel, panelStatus } from "@/components/states/Panel";
import { PanelBoundary } from "@/components/states/PanelBoundary";
import { formatNodeSelector } from "@/lib/ui/node-format";
import { displayStatus, explainReasons, kubernetesOnlyVerdict } from "@/lib/ui/node-rows";
import { nodeTabIcon, verdictTab } from "@/lib/ui/tab-status";
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
  const frame = graphFrame(data, view);
  const node = data?.node ?? null;
  const kubernetes = data?.kubernetes ?? null;
  let verdict = null;
  if (node)
    verdict = { status: displayStatus(node), reasons: explainReasons(node.statusReasons, kubernetes?.conditions) };
  else if (kubernetes) {
    const v = kubernetesOnlyVerdict(kubernetes);
    verdict = {
      status: displayStatus({ up: null, status: v.status, statusReasons: v.reasons }),
      reasons: explainReasons(v.reasons, kubernetes.conditions),
    };
  }
  // Only Kubernetes knows this node: there is nothing to chart, and saying so beats four empty panels.
  const kubernetesOnly = data !== undefined && node === null;
  return (
    <DetailPage
      query={query}
      pageFor={(error) =>
        error.code === "node_not_found" ? <NodeNotFound name={name} overviewHref={overviewHref} /> : null
      }
      heading={
        <NodeHeading
          name={data?.name ?? name}
          verdict={verdict}
          node={node}
          kubernetes={kubernetes}
          overviewHref={overviewHref}
        />
      }
      dataTitle="Node data"
      tab={verdictTab(
        data?.name ?? name,
        verdict?.status,
        nodeTabIcon(verdict?.status ?? "ok"),
        Boolean(data?.stale) || query.isError,
      )}
    >
      {kubernetesOnly ? (
        <p role="status" className={styles.notice}>
          No node_exporter data for this node: Kubernetes reports it, but no node_exporter series (
          {formatNodeSelector(data.selector)}) maps to it, so there is no CPU, memory, disk or network use to show.
        </p>
      ) : (
        <PanelBoundary name="Resource use">
          <UseGraphs frame={frame} series={data?.series ?? null} />
        </PanelBoundary>
      )}
      <div className={`${detailStyles.grid} ${styles.lower}`}>
        {!kubernetesOnly && (
          <PanelBoundary name="Filesystems">
            <Panel
              title="Filesystems"
              status={panelStatus(!data, Boolean(node?.filesystems.length))}
              emptyText="No filesystems reported for this node"
              stale={frame.stale}
              height="auto"
            >
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
    </DetailPage>
  );
}
