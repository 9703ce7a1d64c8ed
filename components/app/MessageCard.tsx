import type { ReactNode } from "react";
import styles from "./page-message.module.css";

export interface MessageCardProps {
  title: ReactNode;
  /** A sentence or two under the title: what happened and what to do. */
  children?: ReactNode;
  /** The way on: a link back, a Retry button. */
  actions: ReactNode;
  /** "alert" for a failure, "status" for an answer such as a 404. */
  role: "alert" | "status";
}

/** One card that answers for a whole page: a title, why, and a way on (not-found and error pages alike). */
export function MessageCard({ title, children, actions, role }: MessageCardProps) {
  return (
    <div className={styles.card} role={role}>
      <h1>{title}</h1>
      {children}
      <p className={styles.actions}>{actions}</p>
    </div>
  );
}
