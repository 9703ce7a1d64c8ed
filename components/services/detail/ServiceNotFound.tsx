import Link from "next/link";
import styles from "./detail.module.css";

export interface ServiceNotFoundProps {
  name: string;
  overviewHref: string;
}

/** A 404 is an answer, not a failure: the service had no requests in this range (or never existed). */
export function ServiceNotFound({ name, overviewHref }: ServiceNotFoundProps) {
  return (
    <div className={styles.notFound} role="status">
      <h1>No service named “{name}” has requests in this range</h1>
      <p>It may be idle, renamed, or gone; a wider range may find it.</p>
      <Link href={overviewHref}>← Back to all services</Link>
    </div>
  );
}
