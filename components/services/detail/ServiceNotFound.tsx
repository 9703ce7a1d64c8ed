import Link from "next/link";
import { MessageCard } from "@/components/app/MessageCard";

export interface ServiceNotFoundProps {
  name: string;
  overviewHref: string;
}

/** A 404 is an answer, not a failure: the service had no requests in this range (or never existed). */
export function ServiceNotFound({ name, overviewHref }: ServiceNotFoundProps) {
  return (
    <MessageCard title={<>No service named “{name}” has requests in this range</>} role="status" actions={<Link href={overviewHref}>← Back to all services</Link>}>
      <p>It may be idle, renamed, or gone; a wider range may find it.</p>
    </MessageCard>
  );
}
