import { getConfig } from "@/lib/config";
import { getMetrics } from "@/lib/metrics/registry";
import { forNoClient } from "@/lib/server/client-budget";
import { getLogger } from "@/lib/server/log";
import { processSingleton } from "@/lib/server/singleton";
import { isRelativeTime } from "@/lib/time/parse-time";
import type { TimeInput } from "./query-times";

/** Computes one live question as of `nowSeconds`: the start of the slot it is warmed for. */
export type Warm = (nowSeconds: number) => Promise<unknown>;

export type WarmOutcome = "success" | "error" | "skipped";

export interface LiveWarmerOptions {
  /** How long after it was last asked a question is kept warm; 0 turns warming off. */
  keepWarmMs: number;
  /** The slot: the scrape interval, to which live instants are aligned. */
  slotMs: number;
  /** At most this many distinct questions; the least recently asked goes first. */
  maxShapes?: number;
  now?: () => number;
  onTick?: () => void;
  onRun?: (outcome: WarmOutcome) => void;
  onShapes?: (count: number) => void;
  /** A failed warm: `first` after a success (worth a warning), later ones are the same outage. */
  onError?: (key: string, error: unknown, first: boolean) => void;
}

interface Shape {
  warm: Warm;
  askedAt: number;
  /** The start (ms) of the last slot this question was computed for, by a viewer or a tick. */
  slot: number;
  running: boolean;
  /** The last answer a tick finished computing, and the slot (ms) it is of. */
  latest?: { slot: number; value: unknown };
}

export const MAX_WARM_SHAPES = 16;

/**
 * Keeps the live answers warm while someone watches: remembers the distinct live questions viewers
 * asked and, at the start of each new slot, computes each once for all of them, so that the next
 * poll finds the upstream's answers in the cache (or shares the request still in flight). A question
 * not asked for `keepWarmMs` is forgotten; with none left there is no timer at all, and no query.
 */
export class LiveWarmer {
  private readonly shapes = new Map<string, Shape>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failing = false;
  private readonly now: () => number;
  private readonly maxShapes: number;

  constructor(private readonly o: LiveWarmerOptions) {
    this.now = o.now ?? Date.now;
    this.maxShapes = o.maxShapes ?? MAX_WARM_SHAPES;
  }

  /** A viewer asked `key` live now; `warm` computes it again at the start of each slot. */
  watch(key: string, warm: Warm): void {
    if (this.o.keepWarmMs <= 0) return;
    const now = this.now();
    const previous = this.shapes.get(key);
    this.shapes.delete(key);
    // The viewer's own request computes the current slot: the first tick is the next one.
    this.shapes.set(key, {
      warm,
      askedAt: now,
      slot: previous?.slot ?? this.slotOf(now),
      running: previous?.running ?? false,
      ...(previous?.latest ? { latest: previous.latest } : {}),
    });
    for (const oldest of this.shapes.keys()) {
      if (this.shapes.size <= this.maxShapes) break;
      this.shapes.delete(oldest);
    }
    this.o.onShapes?.(this.shapes.size);
    this.schedule();
  }

  /**
   * While a tick computes `key` for a new slot, the answer it finished for the slot before (one slot
   * old at most, and its own instant says so): the first viewer after a tick does not wait for the
   * upstream. Undefined when nothing is being computed, or nothing recent was finished.
   */
  previousWhileComputing(key: string): unknown {
    const shape = this.shapes.get(key);
    if (!shape?.running || !shape.latest) return undefined;
    return shape.latest.slot >= this.slotOf(this.now()) - this.o.slotMs ? shape.latest.value : undefined;
  }

  /** How many questions are kept warm. */
  get size(): number {
    return this.shapes.size;
  }

  /** Whether a tick is scheduled. */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Forgets every question and cancels the timer. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.shapes.clear();
    this.o.onShapes?.(0);
  }

  private slotOf(ms: number): number {
    return Math.floor(ms / this.o.slotMs) * this.o.slotMs;
  }

  private schedule(): void {
    if (this.timer || this.shapes.size === 0) return;
    const next = this.slotOf(this.now()) + this.o.slotMs;
    this.timer = setTimeout(() => this.tick(next), Math.max(0, next - this.now()));
    // Warming never keeps the process alive.
    this.timer.unref?.();
  }

  private tick(expected: number): void {
    this.timer = undefined;
    const now = this.now();
    // A timer may fire a little early (clocks differ) or late (a busy loop): the slot is never before the one planned.
    const slot = Math.max(expected, this.slotOf(now));
    for (const [key, shape] of this.shapes) if (now - shape.askedAt > this.o.keepWarmMs) this.shapes.delete(key);
    this.o.onShapes?.(this.shapes.size);
    if (this.shapes.size === 0) return;
    this.o.onTick?.();
    for (const [key, shape] of this.shapes) {
      if (shape.slot >= slot) continue;
      // A question slower than a slot is not piled up: the next tick asks it once it has finished.
      if (shape.running) {
        this.o.onRun?.("skipped");
        continue;
      }
      this.run(key, shape, slot);
    }
    this.schedule();
  }

  private run(key: string, shape: Shape, slot: number): void {
    shape.slot = slot;
    shape.running = true;
    Promise.resolve()
      // For every viewer, so no client's rate limit pays for it (the timer runs in the context of
      // whichever request scheduled it).
      .then(() => forNoClient(() => shape.warm(slot / 1000)))
      .then(
        (value) => {
          shape.latest = { slot, value };
          this.failing = false;
          this.o.onRun?.("success");
        },
        (error: unknown) => {
          this.o.onRun?.("error");
          this.o.onError?.(key, error, !this.failing);
          this.failing = true;
        },
      )
      .catch(() => undefined)
      .finally(() => {
        shape.running = false;
      });
  }
}

/** The process's one LiveWarmer, from the configuration (cache.keepWarmSeconds, the scrape interval). */
export function getLiveWarmer(): LiveWarmer {
  return processSingleton("live-warmer", () => {
    const cfg = getConfig();
    const metrics = getMetrics();
    return new LiveWarmer({
      keepWarmMs: cfg.cache.keepWarmSeconds * 1000,
      slotMs: cfg.prometheus.scrapeIntervalSeconds * 1000,
      onTick: () => metrics.warmTicks.inc(),
      onRun: (outcome) => metrics.warmRuns.inc({ outcome }),
      onShapes: (count) => metrics.warmShapes.set(count),
      onError: (key, err, first) => {
        const log = getLogger();
        if (first) log.warn({ key, err }, "keeping the live answers warm failed; retrying at each slot");
        else log.debug({ key, err }, "keeping the live answers warm failed again");
      },
    });
  });
}

/**
 * Remembers a request's question to keep warm when its instant follows now (`at`, else `to`, is
 * relative); a question about a fixed instant does not change, and its answers stay cached anyway.
 */
export function watchLive(kind: string, time: TimeInput, warm: Warm): void {
  if (!isRelativeTime(time.at ?? time.to ?? "now")) return;
  getLiveWarmer().watch(liveKey(kind, time), warm);
}

const liveKey = (kind: string, time: TimeInput) => JSON.stringify([kind, time.from, time.to, time.at, time.width]);

/** The previous slot's answer to a live question whose next answer a tick is computing (previousWhileComputing). */
export function previousLiveAnswer(kind: string, time: TimeInput): unknown {
  if (!isRelativeTime(time.at ?? time.to ?? "now")) return undefined;
  return getLiveWarmer().previousWhileComputing(liveKey(kind, time));
}
