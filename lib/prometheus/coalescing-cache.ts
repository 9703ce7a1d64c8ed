/** Where an answer came from, for our own metrics. */
export type CacheOutcome = "hit" | "miss" | "coalesced" | "stale";

export interface Cached<T> {
  value: T;
  /** true when the upstream failed and this is the last good answer to the same question. */
  stale: boolean;
  /** Seconds since the value was fetched from the upstream. */
  ageSeconds: number;
  outcome: CacheOutcome;
  /** Why the upstream failed, when this is a stale copy: its error's message. */
  staleReason?: string;
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
  /**
   * Called when this asker is about to start an upstream request (not when the cache answers, nor
   * when it joins one in flight). A throw refuses it: the error goes to this asker alone and is not
   * kept as the question's failure; a background revalidation's asker still gets the previous copy.
   */
  admit?: () => void;
}

interface Entry<T> {
  value: T;
  fetchedAt: number;
  /** The answer's estimated size, counted once however many maps hold it. */
  bytes: number;
  /** How many of the two maps (fresh, last good) hold this entry. */
  holders: number;
}

export interface CacheOptions<T> {
  /** At most this many answers per map (fresh, last good). */
  maxEntries?: number;
  /** At most this many estimated bytes of answers (and their keys) in both maps together. */
  maxBytes?: number;
  /** An answer's estimated size in bytes: cheap, roughly what it holds in the heap. */
  sizeOf?: (value: T) => number;
  now?: () => number;
  failureTtlMs?: number;
  /** Told the new total whenever it changes (for a gauge). */
  onBytes?: (bytes: number) => void;
}

interface Failure {
  error: unknown;
  at: number;
}

/**
 * Answers identical questions once: concurrent askers share one upstream request, answers are
 * kept for `ttlMs`, and the last good answer of each question is kept to serve when the upstream fails.
 * A failure is kept too, for `failureTtlMs` (at most `ttlMs`): an upstream that timed out on a
 * question is not asked it again by every poll and retry that follows. The maps are bounded by
 * entries and, together, by the estimated bytes of their answers; the oldest entries go first, and
 * an answer larger than the whole bound is given to its askers but not kept.
 */
export class CoalescingCache<T> {
  private fresh = new Map<string, Entry<T>>();
  private lastGood = new Map<string, Entry<T>>();
  private inFlight = new Map<string, Promise<Entry<T>>>();
  private failed = new Map<string, Failure>();
  private total = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly sizeOf: (value: T) => number;
  private readonly now: () => number;
  private readonly failureTtlMs: number;
  private readonly onBytes?: (bytes: number) => void;

  constructor(o: CacheOptions<T> = {}) {
    this.maxEntries = o.maxEntries ?? 1000;
    this.maxBytes = o.maxBytes ?? Number.POSITIVE_INFINITY;
    this.sizeOf = o.sizeOf ?? (() => 0);
    this.now = o.now ?? Date.now;
    this.failureTtlMs = o.failureTtlMs ?? 5000;
    this.onBytes = o.onBytes;
  }

  /** Estimated bytes of the answers kept (fresh and last good, each answer once) and of their keys. */
  get bytes(): number {
    return this.total;
  }

  async get(req: CacheRequest<T>): Promise<Cached<T>> {
    const hit = this.fresh.get(req.key);
    if (hit && this.now() - hit.fetchedAt < req.ttlMs) return this.answer(hit, false, "hit");
    const failure = this.failed.get(req.key);
    if (failure && this.now() - failure.at < Math.min(req.ttlMs, req.failureTtlMs ?? this.failureTtlMs))
      return this.staleOrThrow(req, failure.error);
    const pending = this.inFlight.get(req.key);
    // A background revalidation keeps answering the previous copy to everyone until it is done.
    const previousCopy = req.revalidateInBackground ? this.lastGood.get(req.staleKey) : undefined;
    if (pending && previousCopy) return this.answer(previousCopy, false, "hit");
    // Askers who joined an in-flight request get the stale copy too when it fails, not only its starter.
    if (pending)
      return pending.then(
        (entry) => this.answer(entry, false, "coalesced"),
        (error) => this.staleOrThrow(req, error),
      );

    try {
      req.admit?.();
    } catch (refusal) {
      if (previousCopy) return this.answer(previousCopy, false, "hit");
      throw refusal;
    }
    const started = this.load(req);
    this.inFlight.set(req.key, started);
    if (previousCopy) {
      started.then(
        () => this.inFlight.delete(req.key),
        () => this.inFlight.delete(req.key),
      );
      return this.answer(previousCopy, false, "hit");
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
    const entry: Entry<T> = { value, fetchedAt: this.now(), bytes: this.sizeOf(value), holders: 0 };
    this.failed.delete(req.key);
    const fits = entry.bytes + req.key.length + req.staleKey.length <= this.maxBytes;
    if (fits && (req.keep?.(value) ?? true)) {
      this.keepEntry(this.fresh, req.key, entry);
      this.keepEntry(this.lastGood, req.staleKey, entry);
      this.shrink();
      this.onBytes?.(this.total);
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

  /** Puts an answer in one of the two maps, keeping the byte count and the entry bound. */
  private keepEntry(map: Map<string, Entry<T>>, key: string, entry: Entry<T>): void {
    this.drop(map, key);
    map.set(key, entry);
    if (entry.holders++ === 0) this.total += entry.bytes;
    this.total += key.length;
    while (map.size > this.maxEntries) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      this.drop(map, oldest);
    }
  }

  private drop(map: Map<string, Entry<T>>, key: string): void {
    const entry = map.get(key);
    if (!entry) return;
    map.delete(key);
    this.total -= key.length;
    if (--entry.holders === 0) this.total -= entry.bytes;
  }

  /** Evicts the oldest answers of either map until the total fits the byte bound. */
  private shrink(): void {
    while (this.total > this.maxBytes) {
      const f = this.fresh.entries().next().value;
      const g = this.lastGood.entries().next().value;
      if (!f && !g) break;
      if (f && (!g || f[1].fetchedAt <= g[1].fetchedAt)) this.drop(this.fresh, f[0]);
      else if (g) this.drop(this.lastGood, g[0]);
    }
  }

  /** The last good answer to the question, marked stale, when the error allows it; else the error. */
  private staleOrThrow(req: CacheRequest<T>, error: unknown): Cached<T> {
    const good = this.lastGood.get(req.staleKey);
    if (good && req.mayServeStale(error))
      return {
        ...this.answer(good, true, "stale"),
        staleReason: error instanceof Error ? error.message : String(error),
      };
    throw error;
  }

  private answer(entry: Entry<T>, stale: boolean, outcome: CacheOutcome): Cached<T> {
    return { value: entry.value, stale, ageSeconds: Math.max(0, (this.now() - entry.fetchedAt) / 1000), outcome };
  }
}
