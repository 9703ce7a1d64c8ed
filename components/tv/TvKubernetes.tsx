"use client";

import { memo } from "react";
import { KubernetesHealthSummary } from "@/components/nodes/KubernetesHealthSummary";
import type { NodesResponse } from "@/lib/model/node-types";
import { DEFAULT_VIEW } from "@/lib/ui/url-state";
import styles from "./tv.module.css";

export interface TvKubernetesProps {
  /** The nodes answer, which carries the cluster's health; nothing is drawn without it. */
  data: NodesResponse | undefined;
  /** Several sources: each workload shows its cluster's source. */
  showSource: boolean;
}

/**
 * The cluster's health under the services rather than under the nodes: the node column must keep room
 * for the nodes and the alerts, while the services list gives up its ok rows first. `inert` and the
 * default view: the wall draws no links. Memoised on the answer.
 */
export const TvKubernetes = memo(function TvKubernetes({ data, showSource }: TvKubernetesProps) {
  if (!data?.kubernetes) return null;
  return (
    <div className={`${styles.panel} ${styles.kubernetes}`} inert>
      <KubernetesHealthSummary health={data.kubernetes} view={DEFAULT_VIEW} size="wall" showSource={showSource} />
    </div>
  );
});
