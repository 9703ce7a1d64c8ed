import Link from "next/link";
import { MessageCard } from "@/components/app/MessageCard";
import type { ServiceId } from "@/lib/identity/service-identity";

export interface ServiceNotFoundProps {
  id: ServiceId;
  overviewHref: string;
}

/** A 404 is an answer, not a failure: the service had no requests in this range (or never existed). */
export function ServiceNotFound({ id, overviewHref }: ServiceNotFoundProps) {
  const where = id.namespace ? <> in namespace “{id.namespace}”</> : null;
  return (
    <MessageCard
      title={
        <>
          No service named “{id.name}”{where} has requests in this range
        </>
      }
      role="status"
      actions={<Link href={overviewHref}>← Back to all services</Link>}
    >
      <p>It may be idle, renamed, or gone; a wider range may find it.</p>
    </MessageCard>
  );
}
