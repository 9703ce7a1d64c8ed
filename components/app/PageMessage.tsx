import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./page-message.module.css";

export interface PageMessageProps {
  title: string;
  /** A sentence or two under the title: what happened and what to do. */
  children?: ReactNode;
  /** Shown before the link home, e.g. a Retry button. */
  action?: ReactNode;
  /** "alert" for a failure, "status" for an answer such as a 404. */
  role: "alert" | "status";
}

/** A whole-page answer in the app's look: the brand bar, one card, and always a way back home. */
export function PageMessage({ title, children, action, role }: PageMessageProps) {
  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <Link href="/" className={styles.brand}>
          signalboard
        </Link>
      </header>
      <main className={styles.card} role={role}>
        <h1>{title}</h1>
        {children}
        <p className={styles.actions}>
          {action}
          <Link href="/">← Back to all services</Link>
        </p>
      </main>
    </div>
  );
}
