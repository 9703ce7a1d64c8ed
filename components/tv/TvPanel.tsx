import { useId, type ReactNode } from "react";
import styles from "./tv.module.css";

export interface TvPanelProps {
  title: string;
  /** Beside the title: a count, a summary. */
  aside?: ReactNode;
  children: ReactNode;
}

/** A titled area of the wall screen that takes the room its parent gives it and never scrolls. */
export function TvPanel({ title, aside, children }: TvPanelProps) {
  const id = useId();
  return (
    <section className={styles.panel} aria-labelledby={id}>
      <header className={styles.panelHead}>
        <h2 id={id}>{title}</h2>
        {aside && <span className={styles.panelAside}>{aside}</span>}
      </header>
      <div className={styles.panelBody}>{children}</div>
    </section>
  );
}
