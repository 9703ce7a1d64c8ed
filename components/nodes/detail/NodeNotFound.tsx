import Link from "next/link";
import { MessageCard } from "@/components/app/MessageCard";

export interface NodeNotFoundProps {
  name: string;
  overviewHref: string;
}

/** A 404 is an answer, not a failure: neither node_exporter nor Kubernetes knows a node by this name now. */
export function NodeNotFound({ name, overviewHref }: NodeNotFoundProps) {
  return (
    <MessageCard
      title={<>No node named “{name}”</>}
      role="status"
      actions={<Link href={overviewHref}>← Back to the overview</Link>}
    >
      <p>
        Neither a node_exporter instance nor a Kubernetes node has this name at this time. Nodes are named by their
        Kubernetes node name where it is known, else by their instance (host:port); the node may also have been removed.
      </p>
    </MessageCard>
  );
}
