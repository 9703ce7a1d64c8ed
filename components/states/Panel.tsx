import { useId, type ReactNode } from "react";
import styles from "./states.module.css";

/** What a panel can show: its data, or why it has none. */
export type PanelStatus = "loading" | "error" | "empty" | "ready";

/** The status of a panel fed by data that cannot fail on its own: loading, then ready or empty. */
export function panelStatus(loading: boolean, hasData: boolean): PanelStatus {
  if (loading) return "loading";
  return hasData ? "ready" : "empty";
}

export interface PanelProps {
  title: string;
  /** Next to the title: units, a legend, a count. */
  aside?: ReactNode;
  status: PanelStatus;
  /** For "empty": what there is none of, e.g. "No requests in this range", and what to do about it. */
  emptyText?: ReactNode;
  /** For "error": what failed. */
  errorText?: string;
  /** For "error": try again now rather than at the next refresh. */
  onRetry?: () => void;
  /** The data shown is an old copy (Prometheus is not answering). */
  stale?: boolean;
  /** Height of the body in every state, so switching states never moves the page; "auto" lets the content decide. */
  height: number | "auto";
  children?: ReactNode;
}

/**
 * A titled panel with its four states, each visibly different and announced differently:
 * loading (busy skeleton), empty (a sentence, not a flat zero line), error (an alert saying what
 * failed) and stale (the data stays, marked as old).
 */
export function Panel({
  title,
  aside,
  status,
  emptyText = "No requests in this range",
  errorText,
  onRetry,
  stale = false,
  height,
  children,
}: PanelProps) {
  const titleId = useId();
  return (
    <section
      className={styles.panel}
      aria-labelledby={titleId}
      aria-busy={status === "loading"}
      data-state={status}
      data-stale={stale || undefined}
    >
      <header className={styles.panelHead}>
        <h2 id={titleId}>{title}</h2>
        {stale && status === "ready" && <span className={styles.staleTag}>stale</span>}
        {aside && <div className={styles.aside}>{aside}</div>}
      </header>
      <div className={styles.body} style={{ height }}>
        {status === "loading" && (
          <div role="status" className={styles.skeleton}>
            <span className="sr-only">Loading {title.toLowerCase()}…</span>
          </div>
        )}
        {status === "empty" && (
          <div role="status" className={styles.empty}>
            {emptyText}
          </div>
        )}
        {status === "error" && (
          <div className={styles.error}>
            <p role="alert">
              <strong>Could not load {title.toLowerCase()}.</strong> {errorText}
            </p>
            {onRetry && (
              <button type="button" onClick={onRetry}>
                Try again
              </button>
            )}
          </div>
        )}
        {status === "ready" && children}
      </div>
    </section>
  );
}
