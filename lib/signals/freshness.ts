import type { Freshness } from "@/lib/model/types";
import type { Cached } from "@/lib/prometheus/coalescing-cache";
import type { Result } from "@/lib/prometheus/upstream";

/** Collects the staleness and warnings of every upstream answer one API response is built from. */
export class FreshnessTracker {
  private stale = false;
  private age = 0;
  private reason: string | undefined;
  private readonly warnings = new Set<string>();

  /** Records an answer's freshness and returns its data. */
  take<T>(answer: Cached<Result<T>>): T {
    if (answer.stale) {
      this.stale = true;
      this.age = Math.max(this.age, answer.ageSeconds);
      this.reason ??= answer.staleReason;
    }
    for (const w of answer.value.warnings) this.warnings.add(w);
    return answer.value.data;
  }

  /**
   * A stale answer's age is rounded up: a copy made 0.4 s before the outage is not "0 s old". The
   * reason is the first failure met: one upstream, so usually the same for every question.
   */
  summary(): Freshness {
    if (!this.stale) return { stale: false, warnings: [...this.warnings] };
    const age = Math.max(1, Math.ceil(this.age));
    return this.reason
      ? { stale: true, ageSeconds: age, staleReason: this.reason, warnings: [...this.warnings] }
      : { stale: true, ageSeconds: age, warnings: [...this.warnings] };
  }
}
