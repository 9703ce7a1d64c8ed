/** Runs at most `max` tasks at once; the rest wait in order. Bounds the load we put on the upstream. */
export class Limiter {
  private running = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  /** Tasks currently waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `task` when a slot is free. With `deadline`, a task still waiting when it aborts leaves the
   * queue and the call rejects with the signal's reason: time spent queued counts against the same
   * budget as the query itself.
   */
  async run<T>(task: () => Promise<T>, deadline?: AbortSignal): Promise<T> {
    deadline?.throwIfAborted();
    // A finishing task hands its slot straight to the next waiter, so a newcomer cannot take it in between.
    if (this.running >= this.max) await this.slot(deadline);
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private slot(deadline: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const start = () => {
        deadline?.removeEventListener("abort", giveUp);
        resolve();
      };
      const giveUp = () => {
        this.waiting = this.waiting.filter((w) => w !== start);
        reject(deadline?.reason);
      };
      this.waiting.push(start);
      deadline?.addEventListener("abort", giveUp, { once: true });
    });
  }
}
