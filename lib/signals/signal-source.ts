import { combineSources } from "@/lib/model/signal-source";
import type { SignalSource, Sourced } from "@/lib/model/types";
import type { RecordedReading } from "@/lib/promql/recorded-read";

/** The source of one query over `conventions` (their names): recorded for all, for none, or for some. */
export function readingSource(conventions: readonly string[], reading: RecordedReading): SignalSource {
  const recorded = conventions.filter((c) => reading.conventions.has(c)).length;
  if (recorded === 0) return "raw";
  return recorded === conventions.length ? "recorded" : "mixed";
}

/** Collects the sources of the signal queries one API response is built from (as FreshnessTracker its staleness). */
export class SourceTracker {
  private readonly seen: SignalSource[] = [];
  private from: number | undefined;

  /** Records one query's source, and where a range was split, its first point read recorded. */
  note(source: SignalSource, recordedFrom?: number): void {
    this.seen.push(source);
    if (recordedFrom !== undefined) this.from = Math.max(this.from ?? recordedFrom, recordedFrom);
  }

  /** The answer's source, with the latest split point where a range was read raw before it. */
  summary(): Sourced {
    const source = combineSources(this.seen);
    return source === "mixed" && this.from !== undefined ? { source, recordedFrom: this.from } : { source };
  }
}
