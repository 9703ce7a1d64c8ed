"use client";

import { useEffect, useRef } from "react";
import type { GraphFrame } from "@/components/detail/graph-frame";
import type { ServiceSlo } from "@/lib/model/slo-types";
import { SloCard } from "./SloCard";
import styles from "./slo-section.module.css";

export interface SloSectionProps {
  /** The service answer's SLOs; undefined while loading or where the server sends none. */
  slos: ServiceSlo[] | undefined;
  frame: GraphFrame;
}

/**
 * The service's SLOs. The heading carries id="slo" in every state, so an alert's link (`…#slo`) lands
 * here even before the data comes; the panels above keep their height while loading, so it stays put.
 */
export function SloSection({ slos, frame }: SloSectionProps) {
  // The browser jumps to #slo when the page opens, before the answer: the heading and alerts above
  // grow when it comes, so land on the section once more, once, when it has.
  const landed = useRef(false);
  useEffect(() => {
    if (frame.loading || landed.current) return;
    landed.current = true;
    if (window.location.hash === "#slo") document.getElementById("slo")?.scrollIntoView();
  }, [frame.loading]);
  let body;
  if (frame.loading)
    body = (
      <div role="status" className={styles.loading}>
        <span className="sr-only">Loading SLOs…</span>
      </div>
    );
  else if (slos === undefined) body = <p className={styles.none}>This server did not send SLOs for the service.</p>;
  else if (slos.length === 0)
    body = (
      <p className={styles.none}>
        No SLO for this service: set <code>slos.defaults</code> or an entry under <code>slos.services</code> in the
        configuration.
      </p>
    );
  else body = slos.map((s) => <SloCard key={s.kind} slo={s} frame={frame} />);
  return (
    <section aria-labelledby="slo" className={styles.section}>
      <h2 id="slo" className={styles.heading}>
        SLOs and error budgets
      </h2>
      {body}
    </section>
  );
}
