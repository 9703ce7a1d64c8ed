"use client";

import { AppShell } from "@/components/app/AppShell";
import { dataInfoOf } from "@/components/app/data-info";
import { useSetView } from "@/components/app/use-view";
import { NodeDetail } from "@/components/nodes/detail/NodeDetail";
import { useNodeDetail } from "@/components/nodes/use-nodes";
import type { ViewState } from "@/lib/ui/url-state";

export interface NodeClientProps {
  name: string;
  view: ViewState;
}

export function NodeClient({ name, view }: NodeClientProps) {
  const setView = useSetView();
  // Shared with the page's own query (same key): the header shows its age and range.
  const query = useNodeDetail(name, view);
  return (
    <AppShell view={view} onViewChange={setView} data={dataInfoOf(query)}>
      <NodeDetail name={name} view={view} />
    </AppShell>
  );
}
