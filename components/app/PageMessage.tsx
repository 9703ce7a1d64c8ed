import Link from "next/link";
import type { ReactNode } from "react";
import { MessageCard } from "./MessageCard";
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
      <main>
        <MessageCard
          title={title}
          role={role}
          actions={
            <>
              {action}
              <Link href="/">← Back to all services</Link>
            </>
          }
        >
          {children}
        </MessageCard>
      </main>
    </div>
  );
}

export interface RenderErrorMessageProps {
  title: string;
  error: Error & { digest?: string };
  retry: () => void;
}

/**
 * What a failed render says: the error's message (Next replaces a server error's with a generic one;
 * its digest finds it in the server log) and a Retry button.
 */
export function RenderErrorMessage({ title, error, retry }: RenderErrorMessageProps) {
  return (
    <PageMessage
      title={title}
      role="alert"
      action={
        <button type="button" onClick={retry}>
          Retry
        </button>
      }
    >
      <p>
        {error.message || "An unexpected error."}
        {error.digest && ` (digest ${error.digest}, in the server log)`}
      </p>
    </PageMessage>
  );
}
