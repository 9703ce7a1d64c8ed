import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveWarmer, type LiveWarmerOptions } from "./live-warmer";

const SLOT_MS = 15_000;
// A slot's start: 1,800,000,000 s is a multiple of 15 s.
const T0 = 1_800_000_000_000;

function warmer(o: Partial<LiveWarmerOptions> = {}) {
  const runs: string[] = [];
  const counts = { ticks: 0, errors: [] as boolean[] };
  const w = new LiveWarmer({
    keepWarmMs: 60_000,
    slotMs: SLOT_MS,
    now: () => Date.now(),
    onTick: () => counts.ticks++,
    onError: (_key, _err, first) => counts.errors.push(first),
    ...o,
  });
  return { w, runs, counts };
}

// Every test runs on fake timers, 4 s into the slot that starts at T0.
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0 + 4_000);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("LiveWarmer", () => {
  it("computes each remembered question once at the start of each new slot, not once per viewer", async () => {
    const { w, counts } = warmer();
    const a = vi.fn<(now: number) => Promise<void>>(async () => undefined);
    const b = vi.fn<(now: number) => Promise<void>>(async () => undefined);
    // Three viewers of one question, one of another, all in the slot starting at T0.
    w.watch("a", a);
    w.watch("a", a);
    w.watch("b", b);
    w.watch("a", a);
    expect(w.size).toBe(2);
    // Their own requests answered this slot: nothing until the next one begins.
    await vi.advanceTimersByTimeAsync(10_999);
    expect(a).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(a.mock.calls).toEqual([[1_800_000_015]]);
    expect(b.mock.calls).toEqual([[1_800_000_015]]);
    await vi.advanceTimersByTimeAsync(SLOT_MS * 2);
    expect(a.mock.calls).toEqual([[1_800_000_015], [1_800_000_030], [1_800_000_045]]);
    expect(b).toHaveBeenCalledTimes(3);
    expect(counts.ticks).toBe(3);
  });

  it("forgets a question not asked for keepWarmMs, and then has no timer at all", async () => {
    const { w } = warmer({ keepWarmMs: 30_000 });
    const a = vi.fn(async () => undefined);
    w.watch("a", a);
    expect(w.scheduled).toBe(true);
    // Asked at T0 + 4 s: warmed at T0 + 15 s and + 30 s; at + 45 s it was last asked 41 s ago.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(a).toHaveBeenCalledTimes(2);
    expect(w.size).toBe(0);
    expect(w.scheduled).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(a).toHaveBeenCalledTimes(2);
  });

  it("keeps a question warm while viewers keep asking it", async () => {
    const { w } = warmer({ keepWarmMs: 30_000 });
    const a = vi.fn(async () => undefined);
    for (let i = 0; i < 6; i++) {
      w.watch("a", a);
      await vi.advanceTimersByTimeAsync(SLOT_MS);
    }
    expect(a).toHaveBeenCalledTimes(6);
    expect(w.size).toBe(1);
  });

  it("does nothing when turned off (keepWarmMs 0)", async () => {
    const { w } = warmer({ keepWarmMs: 0 });
    const a = vi.fn(async () => undefined);
    w.watch("a", a);
    expect(w.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("remembers at most maxShapes questions, dropping the least recently asked", async () => {
    const { w } = warmer({ maxShapes: 3 });
    const warmed: string[] = [];
    const warm = (key: string) => async () => void warmed.push(key);
    for (const key of ["a", "b", "c"]) w.watch(key, warm(key));
    w.watch("a", warm("a"));
    w.watch("d", warm("d"));
    expect(w.size).toBe(3);
    await vi.advanceTimersByTimeAsync(SLOT_MS);
    expect(warmed.sort()).toEqual(["a", "c", "d"]);
  });

  it("swallows a failed warm, reports the first of a run of failures, and warms again next slot", async () => {
    const { w, counts } = warmer();
    const a = vi
      .fn<(now: number) => Promise<unknown>>()
      .mockRejectedValueOnce(new Error("upstream down"))
      .mockImplementationOnce(() => {
        throw new Error("thrown, not rejected");
      })
      .mockResolvedValueOnce("ok")
      .mockRejectedValueOnce(new Error("down again"));
    w.watch("a", a);
    await vi.advanceTimersByTimeAsync(SLOT_MS * 4);
    expect(a).toHaveBeenCalledTimes(4);
    expect(counts.errors).toEqual([true, false, true]);
  });

  it("does not start a question again while its last warm still runs", async () => {
    const outcomes: string[] = [];
    const { w } = warmer({ onRun: (o) => outcomes.push(o) });
    let finish!: () => void;
    const a = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    w.watch("a", a);
    await vi.advanceTimersByTimeAsync(SLOT_MS * 2);
    expect(a).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(SLOT_MS);
    expect(a).toHaveBeenCalledTimes(2);
    expect(outcomes).toEqual(["skipped", "success"]);
  });
});

describe("LiveWarmer's previous answer", () => {
  it("is the last slot's answer while a tick computes the next, and nothing otherwise", async () => {
    const { w } = warmer();
    const pending: ((v: string) => void)[] = [];
    const warm = vi.fn((now: number) => new Promise<string>((resolve) => pending.push(() => resolve(`at ${now}`))));
    w.watch("a", warm);
    // The viewer's own request computed this slot; no tick has finished anything yet.
    expect(w.previousWhileComputing("a")).toBeUndefined();
    await vi.advanceTimersByTimeAsync(11_000);
    // The first tick is computing T0 + 15 s, and there is no earlier answer to give.
    expect(warm).toHaveBeenCalledTimes(1);
    expect(w.previousWhileComputing("a")).toBeUndefined();
    pending.shift()?.("done");
    await vi.advanceTimersByTimeAsync(0);
    // Finished, and nothing is being computed: viewers read the cache as usual.
    expect(w.previousWhileComputing("a")).toBeUndefined();
    await vi.advanceTimersByTimeAsync(SLOT_MS);
    // The next tick computes T0 + 30 s: meanwhile the answer for T0 + 15 s is given.
    expect(warm).toHaveBeenCalledTimes(2);
    expect(w.previousWhileComputing("a")).toBe("at 1800000015");
    expect(w.previousWhileComputing("b")).toBeUndefined();
  });

  it("is not given once it is more than one slot older than now", async () => {
    const { w } = warmer();
    let calls = 0;
    w.watch("a", (now) => {
      calls++;
      // The first tick's answer comes at once; the next one hangs.
      return calls === 1 ? Promise.resolve(`at ${now}`) : new Promise<string>(() => undefined);
    });
    // T0 + 30 s: the tick of T0 + 15 s finished, the one of T0 + 30 s hangs.
    await vi.advanceTimersByTimeAsync(11_000 + SLOT_MS);
    expect(calls).toBe(2);
    expect(w.previousWhileComputing("a")).toBe("at 1800000015");
    // T0 + 45 s: still hanging (not started again), and the answer of T0 + 15 s is two slots old.
    await vi.advanceTimersByTimeAsync(SLOT_MS);
    expect(calls).toBe(2);
    expect(w.previousWhileComputing("a")).toBeUndefined();
  });
});
