/** Where an answer came from, for our own metrics. */
export type CacheOutcome = "hit" | "miss" | "coalesced" | "stale";

export interface Cached<T> {
  value: T;
  /** true when the upstream failed and this is the last good answer to the same question. */
  stale: boolean;
  /** Seconds since the value was fetched from the upstream. */
  ageSeconds: number;
  outcome: CacheOutcome;
}

export interface CacheRequest<T> {
  /** The exact question, times included. */
  key: string;
  /** The question without its times: the slot for the last good answer. */
  staleKey: string;
  ttlMs: number;
  fetch: () => Promise<T>;
  /** Whether a failure may be answered with the last good value. */
  mayServeStale: (error: unknown) => boolean;
  /**
   * Answer an expired entry at once and refresh it in the background (stale-while-revalidate):
   * for slow-changing metadata, so a hung upstream cannot delay every request by a timeout twice.
   */
  revalidateInBackground?: boolean;
  /**
   * Whether an answer may be kept (cached, and served later as the last good one); default all.
   * One that may not is still given to its askers, and the next asker asks the upstream again.
   */
  keep?: (value: T) => boolean;
  /** How long a failure is held for this question (default the cache's, always at most `ttlMs`); 0: never. */
  failureTtlMs?: number;
}

interface Entry<T> {
  value: T;
  fetchedAt: number;
}

interface Failure {
  error: unknown;
  at: number;
}

/**
 * Answers identical questions once: concurrent askers share one upstream request, answers are
 * kept for `ttlMs`, and the last good answer of each question is kept to serve when the upstream fails.
 * A failure is kept too, for `failureTtlMs` (at most `ttlMs`): an upstream that timed out on a
 * question is not asked it again by every poll and retry that follows. The maps are bounded; the
 * oldest entries go first.
 */
export class CoalescingCache<T> {
  private fresh = new Map<string, Entry<T>>();
  private lastGood = new Map<string, Entry<T>>();
  private inFlight = new Map<string, Promise<Entry<T>>>();
  private failed = new Map<string, Failure>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
    private readonly failureTtlMs = 5000,
  ) {}

  async get(req: CacheRequest<T>): Promise<Cached<T>> {
    const hit = this.fresh.get(req.key);
    if (hit && this.now() - hit.fetchedAt < req.ttlMs) return this.answer(hit, false, "hit");
    const failure = this.failed.get(req.key);
    if (failure && this.now() - failure.at < Math.min(req.ttlMs, req.failureTtlMs ?? this.failureTtlMs))
      return this.staleOrThrow(req, failure.error);
    const pending = this.inFlight.get(req.key);
    // Askers who joined an in-flight request get the stale copy too when it fails, not only its starter.
    if (pending)
      return pending.then(
        (entry) => this.answer(entry, false, "coalesced"),
        (error) => this.staleOrThrow(req, error),
      );

    const started = this.load(req);
    this.inFlight.set(req.key, started);
    const previous = this.lastGood.get(req.staleKey);
    if (req.revalidateInBackground && previous) {
      started.then(
        () => this.inFlight.delete(req.key),
        () => this.inFlight.delete(req.key),
      );
      return this.answer(previous, false, "hit");
    }
    try {
      return this.answer(await started, false, "miss");
    } catch (error) {
      return this.staleOrThrow(req, error);
    } finally {
      this.inFlight.delete(req.key);
    }
  }

  private async load(req: CacheRequest<T>): Promise<Entry<T>> {
    let value: T;
    try {
      value = await req.fetch();
    } catch (error) {
      this.remember(this.failed, req.key, { error, at: this.now() });
      throw error;
    }
    const entry = { value, fetchedAt: this.now() };
    this.failed.delete(req.key);
    if (req.keep?.(value) ?? true) {
      this.remember(this.fresh, req.key, entry);
      this.remember(this.lastGood, req.staleKey, entry);
    }
    return entry;
  }

  private remember<V>(map: Map<string, V>, key: string, entry: V): void {
    map.delete(key);
    map.set(key, entry);
    while (map.size > this.maxEntries) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }

  /** The last good answer to the question, marked stale, when the error allows it; else the error. */
  private staleOrThrow(req: CacheRequest<T>, error: unknown): Cached<T> {
    const good = this.lastGood.get(req.staleKey);
    if (good && req.mayServeStale(error)) return this.answer(good, true, "stale");
    throw error;
  }

  private answer(entry: Entry<T>, stale: boolean, outcome: CacheOutcome): Cached<T> {
    return { value: entry.value, stale, ageSeconds: Math.max(0, (this.now() - entry.fetchedAt) / 1000), outcome };
  }
}
