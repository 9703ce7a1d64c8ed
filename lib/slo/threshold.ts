// A latency SLO's threshold as the histogram can measure it: the largest bucket boundary at or
// below the requested threshold, found among the `le` values the upstream really has (Prometheus 3
// writes le="1.0" where 2.x wrote le="1", so the text is kept as found and compared as a number).
import type { Convention } from "@/lib/config/schema";
import { parseLe } from "@/lib/signals/histogram";

export interface Boundary {
  /** The `le` label value as the upstream writes it. */
  le: string;
  /** The boundary in seconds. */
  seconds: number;
}

const unitSeconds = (c: Pick<Convention, "durationUnit">) => (c.durationUnit === "milliseconds" ? 0.001 : 1);

/**
 * The largest finite boundary at or below `requestedSeconds` among `leValues` (in the convention's
 * unit), or null where every boundary is above it. A relative 1e-9 slack keeps 0.1 at 0.1.
 */
export function effectiveBoundary(
  requestedSeconds: number,
  leValues: readonly string[],
  c: Pick<Convention, "durationUnit">,
): Boundary | null {
  const scale = unitSeconds(c);
  let best: Boundary | null = null;
  for (const le of leValues) {
    const v = parseLe(le);
    if (v === null || !Number.isFinite(v)) continue;
    const seconds = v * scale;
    if (seconds > requestedSeconds * (1 + 1e-9)) continue;
    if (best === null || seconds > best.seconds) best = { le, seconds };
  }
  return best;
}
