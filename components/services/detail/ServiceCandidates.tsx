import Link from "next/link";
import { MessageCard } from "@/components/app/MessageCard";
import type { ServiceCandidate } from "@/lib/model/types";
import { serviceHref, type ViewState } from "@/lib/ui/url-state";
import styles from "./detail.module.css";

export interface ServiceCandidatesProps {
  name: string;
  /** The services the name may mean, as the API's 409 `ambiguous_service` lists them. */
  candidates: readonly ServiceCandidate[];
  view: ViewState;
  overviewHref: string;
}

/** Where a candidate runs, in words: "in source eu, namespace shop", "in namespace (none)". */
function candidateWhere(c: ServiceCandidate): string {
  const namespace = `namespace ${c.namespace ?? "(none)"}`;
  if (!c.source) return `in ${namespace}`;
  return c.namespace ? `in source ${c.source}, ${namespace}` : `in source ${c.source}`;
}

/** A name in several namespaces (or sources), asked for without one: a choice, each a link that keeps the view. */
export function ServiceCandidates({ name, candidates, view, overviewHref }: ServiceCandidatesProps) {
  const sources = candidates.some((c) => c.source);
  return (
    <MessageCard
      title={
        <>
          “{name}” is the name of {candidates.length} services
        </>
      }
      role="status"
      actions={<Link href={overviewHref}>← Back to all services</Link>}
    >
      <p>Services of this name run in several {sources ? "sources" : "namespaces"}. Which one?</p>
      <ul className={styles.candidates} aria-label={`Services named ${name}`}>
        {candidates.map((c) => (
          <li key={c.href}>
            <Link href={serviceHref(c, view)}>
              {c.name} <span className={styles.candidateNamespace}>{candidateWhere(c)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </MessageCard>
  );
}
