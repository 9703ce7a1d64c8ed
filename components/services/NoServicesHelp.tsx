import Link from "next/link";
import type { DiscoveryHints } from "@/lib/model/types";
import { customConventionYaml } from "@/lib/ui/convention-yaml";
import styles from "./no-services.module.css";

export interface NoServicesHelpProps {
  discovery: DiscoveryHints;
  statusHref: string;
}

/** The overview with no service: what signalboard looked for, and how to get services onto it. */
export function NoServicesHelp({ discovery, statusHref }: NoServicesHelpProps) {
  return (
    <div className={styles.help}>
      <p className={styles.lead}>No services have requests in this range.</p>
      <p>
        signalboard looked for these request metrics:{" "}
        {discovery.lookedFor.map((m, i) => (
          <span key={m}>
            {i > 0 && ", "}
            <code>{m}</code>
          </span>
        ))}
        . <Link href={statusHref}>The status page</Link> shows what each convention found, and why not.
      </p>
      {discovery.suggestions.length > 0 && (
        <>
          <p>This Prometheus has metrics that look like requests:</p>
          <ul aria-label="Suggested metrics" className={styles.suggestions}>
            {discovery.suggestions.map((m) => (
              <li key={m}>
                <code>{m}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        To show yours, describe them in the config file (<code>SIGNALBOARD_CONFIG</code>), for example:
      </p>
      <pre className={styles.yaml} aria-label="Custom convention config">
        {customConventionYaml(discovery.suggestions)}
      </pre>
    </div>
  );
}
