import type { RecordingRulesHint } from "@/lib/model/types";
import styles from "./services.module.css";

export interface RulesHintProps {
  hint: RecordingRulesHint;
}

/** One quiet line: many services are read from raw series, and the command that records them. */
export function RulesHint({ hint }: RulesHintProps) {
  return (
    <p className={styles.rulesHint}>
      {hint.rawServices} services are read from raw series. Recording rules make this page cheaper: run{" "}
      <code>{hint.command}</code> and load the file into Prometheus (or download it from{" "}
      <a href={hint.href}>{hint.href}</a>).
    </p>
  );
}
