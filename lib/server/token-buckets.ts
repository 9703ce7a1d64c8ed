export interface TokenBucketsOptions {
  /** Tokens a client gets back per minute. */
  perMinute: number;
  /** Tokens a bucket holds at most: what a client may spend at once after a quiet spell. */
  burst: number;
  /** Clients remembered at most; the least recently seen is forgotten first. */
  maxClients?: number;
  now?: () => number;
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export const MAX_CLIENTS = 10_000;
/** Buckets looked at per call for one that has filled up: a constant cost, whatever the number of clients. */
const SWEEP = 4;

/**
 * One token bucket per client key. Work may start while the client's bucket holds a token; its
 * whole cost is then taken, so a costly piece of work can leave the bucket below zero and the
 * client waits until it is back at one. A bucket that has filled up again is dropped (a new client
 * gets a full one anyway), and beyond `maxClients` the least recently seen is dropped: the memory is
 * bounded whatever addresses arrive.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(private readonly o: TokenBucketsOptions) {
    this.perMs = o.perMinute / 60_000;
    this.maxClients = o.maxClients ?? MAX_CLIENTS;
    this.now = o.now ?? Date.now;
  }

  /** Clients remembered now. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes `cost` tokens from `key`'s bucket if it holds one; else says how many seconds until it will. */
  take(key: string, cost: number): Taken {
    const now = this.now();
    const tokens = this.level(this.buckets.get(key), now);
    if (tokens < 1) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    // Deleted and set again: the map's order is the order clients were last seen in.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - cost, at: now });
    this.sweep(now);
    return { ok: true };
  }

  private level(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.o.burst;
    return Math.min(this.o.burst, bucket.tokens + (now - bucket.at) * this.perMs);
  }

  private sweep(now: number): void {
    let looked = 0;
    for (const [key, bucket] of this.buckets) {
      if (this.buckets.size > this.maxClients) this.buckets.delete(key);
      else if (looked++ < SWEEP && this.level(bucket, now) >= this.o.burst) this.buckets.delete(key);
      else break;
    }
  }
}
