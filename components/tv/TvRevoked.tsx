import type { TvView } from "@/lib/ui/tv-params";
import styles from "./tv.module.css";

export interface TvRevokedProps {
  theme: TvView["theme"];
}

/** The whole screen when its TV link was revoked: what happened and what to do, instead of old numbers. */
export function TvRevoked({ theme }: TvRevokedProps) {
  return (
    <div className={`${styles.tv} ${styles.revoked} theme-${theme}`} role="alert">
      <h1>This screen&apos;s access was revoked</h1>
      <p>Open a new /tv/&lt;token&gt; link on this screen.</p>
      <p>An operator creates one with: npm run tv-token -- create NAME</p>
    </div>
  );
}
