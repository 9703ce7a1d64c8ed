import { describe, expect, it } from "vitest";
import { Limiter } from "./limiter";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

/** Wraps tasks so the test sees how many run at once. */
function gauge() {
  const g = { running: 0, peak: 0, order: [] as number[] };
  const task = (id: number, work: () => Promise<void>) => async () => {
    g.running++;
    g.peak = Math.max(g.peak, g.running);
    g.order.push(id);
    try {
      await work();
    } finally {
      g.running--;
    }
  };
  return { g, task };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe("Limiter", () => {
  it("runs at most max tasks at once and the rest in order", async () => {
    const limiter = new Limiter(2);
    const { g, task } = gauge();
    const gates = Array.from({ length: 6 }, deferred);
    const all = gates.map((gate, i) => limiter.run(task(i, () => gate.promise)));
    await tick();
    expect(g.order).toEqual([0, 1]);
    for (const gate of gates) {
      gate.resolve();
      await tick();
      expect(g.running).toBeLessThanOrEqual(2);
    }
    await Promise.all(all);
    expect(g.peak).toBe(2);
    expect(g.order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("returns each task's value and frees the slot when a task throws", async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limiter.run(async () => 42)).toBe(42);
  });

  it.each([0, 1, 2, 3, 4, 5, 6])(
    "does not let a newcomer arriving %d microtasks after a task ends take the slot handed to a waiter",
    async (hops) => {
      const limiter = new Limiter(1);
      const { g, task } = gauge();
      const gates = [deferred(), deferred(), deferred()];
      const runs = [limiter.run(task(1, () => gates[0]!.promise)), limiter.run(task(2, () => gates[1]!.promise))];
      await tick();
      gates[0]!.resolve();
      for (let i = 0; i < hops; i++) await Promise.resolve();
      runs.push(limiter.run(task(3, () => gates[2]!.promise)));
      await tick();
      expect(g.order).toEqual([1, 2]);
      gates[1]!.resolve();
      gates[2]!.resolve();
      await Promise.all(runs);
      expect(g.peak).toBe(1);
      expect(g.order).toEqual([1, 2, 3]);
    },
  );

  it("never exceeds max under many tasks finishing and arriving at random times", async () => {
    const limiter = new Limiter(3);
    const { g, task } = gauge();
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const runs: Promise<void>[] = [];
    const work = async () => {
      for (let i = Math.floor(random() * 4); i > 0; i--) await Promise.resolve();
      if (random() < 0.3) runs.push(limiter.run(task(runs.length, work)));
    };
    for (let i = 0; i < 200 && runs.length < 400; i++) {
      runs.push(limiter.run(task(runs.length, work)));
      if (random() < 0.5) await Promise.resolve();
      if (random() < 0.1) await tick();
    }
    while (g.order.length < runs.length || g.running > 0) await tick();
    await Promise.all(runs);
    expect(g.peak).toBe(3);
  });

  it("drops a task whose deadline passes while it waits, with the deadline's reason, and keeps the slot for the next", async () => {
    const limiter = new Limiter(1);
    const { g, task } = gauge();
    const gate = deferred();
    const first = limiter.run(task(1, () => gate.promise));
    const deadline = new AbortController();
    const late = limiter.run(
      task(2, async () => undefined),
      deadline.signal,
    );
    const next = limiter.run(task(3, async () => undefined));
    await tick();
    expect(limiter.queued).toBe(2);
    deadline.abort(new DOMException("deadline", "TimeoutError"));
    await expect(late).rejects.toMatchObject({ name: "TimeoutError" });
    expect(limiter.queued).toBe(1);
    gate.resolve();
    await Promise.all([first, next]);
    expect(g.order).toEqual([1, 3]);
    expect(g.peak).toBe(1);
  });

  it("does not start a task whose deadline has already passed", async () => {
    const limiter = new Limiter(1);
    const { g, task } = gauge();
    await expect(
      limiter.run(
        task(1, async () => undefined),
        AbortSignal.abort(new DOMException("late", "TimeoutError")),
      ),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    expect(g.order).toEqual([]);
    expect(await limiter.run(async () => 7)).toBe(7);
  });

  it("lets a task that got its slot in time run to its end, whatever the deadline does next", async () => {
    const limiter = new Limiter(1);
    const deadline = new AbortController();
    const gate = deferred();
    const run = limiter.run(() => gate.promise.then(() => "done"), deadline.signal);
    await tick();
    deadline.abort(new DOMException("deadline", "TimeoutError"));
    gate.resolve();
    expect(await run).toBe("done");
  });
});
