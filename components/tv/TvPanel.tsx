import { useId, type ReactNode } from "react";
import styles from "./tv.module.css";

export interface TvPanelProps {
  title: string;
  /** Beside the title: a count, a summary. */
  aside?: ReactNode;
  /** When the panel's data is old, since when it is, in words ("as of 17:20:03"); the panel is then marked stale. */
  staleAsOf?: string | null;
  children: ReactNode;
}

/** A titled area of the wall screen that takes the room its parent gives it and never scrolls. */
export function TvPanel({ title, aside, staleAsOf = null, children }: TvPanelProps) {
  const id = useId();
  return (
    <section className={styles.panel} aria-labelledby={id} data-stale={staleAsOf === null ? undefined : true}>
      <header className={styles.panelHead}>
        <h2 id={id}>{title}</h2>
        {aside && <span className={styles.panelAside}>{aside}</span>}
        {staleAsOf !== null && <span className={styles.staleTag}>stale · {staleAsOf}</span>}
      </header>
      <div className={styles.panelBody}>{children}</div>
    </section>
  );
}
