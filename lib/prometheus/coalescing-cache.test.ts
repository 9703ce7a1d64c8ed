import { describe, expect, it, vi } from "vitest";
import { CoalescingCache, type CacheRequest } from "./coalescing-cache";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A cache over a clock the test moves by hand. */
function setup(maxEntries = 1000, maxBytes?: number) {
  const clock = { now: 1_000_000 };
  const totals: number[] = [];
  const cache = new CoalescingCache<string>({
    maxEntries,
    maxBytes,
    // A string answer's size: its length, so the tests can count bytes by hand.
    sizeOf: (v) => v.length,
    now: () => clock.now,
    onBytes: (b) => totals.push(b),
  });
  return { clock, cache, totals };
}

const TTL = 15_000;
const upstreamDown = () => Promise.reject(new Error("upstream down"));

function req(
  key: string,
  fetch: () => Promise<string>,
  extra: Partial<CacheRequest<string>> = {},
): CacheRequest<string> {
  return { key, staleKey: key.split("|")[0] as string, ttlMs: TTL, fetch, mayServeStale: () => true, ...extra };
}

describe("CoalescingCache", () => {
  it("sends N concurrent identical questions upstream once", async () => {
    const { cache } = setup();
    const answer = deferred<string>();
    const fetch = vi.fn(() => answer.promise);
    const pending = Array.from({ length: 50 }, () => cache.get(req("q|100", fetch)));
    answer.resolve("v1");
    const results = await Promise.all(pending);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.value)).toEqual(new Array(50).fill("v1"));
    expect(results.filter((r) => r.outcome === "miss")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "coalesced")).toHaveLength(49);
  });

  it("answers from the cache within the ttl, with the age from the clock", async () => {
    const { clock, cache } = setup();
    const fetch = vi.fn(async () => "v1");
    await cache.get(req("q|100", fetch));
    clock.now += TTL - 1;
    const again = await cache.get(req("q|100", fetch));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(again).toEqual({ value: "v1", stale: false, ageSeconds: (TTL - 1) / 1000, outcome: "hit" });
  });

  it("asks again once the ttl has passed", async () => {
    const { clock, cache } = setup();
    const fetch = vi.fn().mockResolvedValueOnce("v1").mockResolvedValueOnce("v2");
    await cache.get(req("q|100", fetch));
    clock.now += TTL;
    const again = await cache.get(req("q|100", fetch));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(again).toMatchObject({ value: "v2", stale: false, ageSeconds: 0, outcome: "miss" });
  });

  it("serves the last good answer, marked stale with its age and the failure, when the upstream fails", async () => {
    const { clock, cache } = setup();
    await cache.get(req("q|100", async () => "v1"));
    clock.now += 90_000;
    const mayServeStale = vi.fn(() => true);
    const answer = await cache.get(req("q|100", upstreamDown, { mayServeStale }));
    expect(answer).toStrictEqual({
      value: "v1",
      stale: true,
      ageSeconds: 90,
      outcome: "stale",
      staleReason: "upstream down",
    });
    expect(mayServeStale).toHaveBeenCalledWith(new Error("upstream down"));
  });

  it("serves stale to every concurrent asker, not only the first", async () => {
    const { clock, cache } = setup();
    await cache.get(req("q|100", async () => "v1"));
    clock.now += 60_000;
    const failing = deferred<string>();
    const pending = Array.from({ length: 5 }, () => cache.get(req("q|100", () => failing.promise)));
    failing.reject(new Error("upstream down"));
    const results = await Promise.allSettled(pending);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.stale : r.reason))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it("rethrows when there is no last good answer", async () => {
    const { cache } = setup();
    await expect(cache.get(req("q|100", upstreamDown))).rejects.toThrow("upstream down");
  });

  it("rethrows when the error may not be served stale", async () => {
    const { clock, cache } = setup();
    await cache.get(req("q|100", async () => "v1"));
    clock.now += TTL;
    await expect(cache.get(req("q|100", upstreamDown, { mayServeStale: () => false }))).rejects.toThrow(
      "upstream down",
    );
  });

  it("keys the stale slot by staleKey: the same question at a later time is served stale", async () => {
    const { clock, cache } = setup();
    await cache.get(req("q|100", async () => "at 100"));
    clock.now += 15_000;
    const later = await cache.get(req("q|115", upstreamDown));
    expect(later).toMatchObject({ value: "at 100", stale: true, ageSeconds: 15 });
    await expect(cache.get(req("other|115", upstreamDown))).rejects.toThrow("upstream down");
  });

  it("keeps a failure for 5 s: the same question is not sent again until then, then recovers", async () => {
    const { clock, cache } = setup();
    await expect(cache.get(req("q|100", upstreamDown))).rejects.toThrow("upstream down");
    const fetch = vi.fn(async () => "back");
    clock.now += 4_999;
    await expect(cache.get(req("q|100", fetch))).rejects.toThrow("upstream down");
    expect(fetch).not.toHaveBeenCalled();
    clock.now += 1;
    expect(await cache.get(req("q|100", fetch))).toMatchObject({ value: "back", stale: false, outcome: "miss" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("answers a kept failure with the last good answer, stale, without asking upstream", async () => {
    const { clock, cache } = setup();
    await cache.get(req("q|100", async () => "v1"));
    clock.now += TTL;
    expect(await cache.get(req("q|100", upstreamDown))).toMatchObject({ value: "v1", stale: true });
    const fetch = vi.fn(async () => "v2");
    clock.now += 1_000;
    expect(await cache.get(req("q|100", fetch))).toMatchObject({ value: "v1", stale: true, outcome: "stale" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("keeps a failure no longer than the question's own ttl", async () => {
    const { clock, cache } = setup();
    await expect(cache.get(req("q|100", upstreamDown, { ttlMs: 1_000 }))).rejects.toThrow("upstream down");
    clock.now += 1_000;
    const fetch = vi.fn(async () => "back");
    expect((await cache.get(req("q|100", fetch, { ttlMs: 1_000 }))).value).toBe("back");
  });

  it("keeps at most maxEntries answers, evicting the oldest first", async () => {
    const { cache } = setup(2);
    const fetch = vi.fn(async () => "v");
    await cache.get(req("a|1", fetch));
    await cache.get(req("b|1", fetch));
    await cache.get(req("c|1", fetch));
    expect(fetch).toHaveBeenCalledTimes(3);
    expect((await cache.get(req("c|1", fetch))).outcome).toBe("hit");
    expect((await cache.get(req("b|1", fetch))).outcome).toBe("hit");
    expect((await cache.get(req("a|1", fetch))).outcome).toBe("miss");
    expect(fetch).toHaveBeenCalledTimes(4);
    // The stale slot of the evicted question went too.
    const { cache: small } = setup(1);
    await small.get(req("a|1", async () => "a"));
    await small.get(req("b|1", async () => "b"));
    await expect(small.get(req("a|2", upstreamDown))).rejects.toThrow("upstream down");
  });

  it("with revalidateInBackground, answers an expired entry at once and refreshes it", async () => {
    const { clock, cache } = setup();
    await cache.get(req("names|0", async () => "old"));
    clock.now += TTL;
    const refresh = deferred<string>();
    const answer = await cache.get(req("names|0", () => refresh.promise, { revalidateInBackground: true }));
    expect(answer).toMatchObject({ value: "old", stale: false });
    refresh.resolve("new");
    await refresh.promise;
    await Promise.resolve();
    expect(await cache.get(req("names|0", upstreamDown))).toMatchObject({ value: "new", outcome: "hit" });
  });

  it("with revalidateInBackground, answers the previous copy to every asker while the refresh runs, not only the first", async () => {
    const { clock, cache } = setup();
    await cache.get(req("names|0", async () => "old"));
    clock.now += TTL;
    const refresh = deferred<string>();
    const first = await cache.get(req("names|0", () => refresh.promise, { revalidateInBackground: true }));
    const second = await cache.get(req("names|0", upstreamDown, { revalidateInBackground: true }));
    expect([first.value, second.value]).toEqual(["old", "old"]);
    refresh.resolve("new");
    await refresh.promise;
    await Promise.resolve();
    expect(await cache.get(req("names|0", upstreamDown))).toMatchObject({ value: "new", outcome: "hit" });
  });

  it("does not keep an answer that `keep` refuses: the next asker asks again, and it is never served as the last good one", async () => {
    const { cache } = setup();
    const keep = (v: string) => v !== "";
    const fetch = vi.fn().mockResolvedValueOnce("").mockResolvedValueOnce("names");
    expect(await cache.get(req("names|0", fetch, { keep, revalidateInBackground: true }))).toMatchObject({
      value: "",
      outcome: "miss",
    });
    expect(await cache.get(req("names|0", fetch, { keep, revalidateInBackground: true }))).toMatchObject({
      value: "names",
      outcome: "miss",
    });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await cache.get(req("names|0", upstreamDown, { keep }))).toMatchObject({ value: "names", outcome: "hit" });
    // An empty answer after a good one leaves the good one in place, fresh and stale alike.
    const { cache: other } = setup();
    await other.get(req("names|0", async () => "names", { keep, ttlMs: 0 }));
    await other.get(req("names|0", async () => "", { keep, ttlMs: 0 }));
    expect(await other.get(req("names|0", upstreamDown, { keep, ttlMs: 0 }))).toMatchObject({
      value: "names",
      stale: true,
    });
  });

  describe("admit", () => {
    const refuse = () => {
      throw new Error("refused");
    };

    it("is asked only by an asker that starts an upstream request: not on a hit, not when joining one in flight", async () => {
      const { clock, cache } = setup();
      const admit = vi.fn();
      const upstream = deferred<string>();
      const first = cache.get(req("a|1", () => upstream.promise, { admit }));
      const joined = cache.get(req("a|1", upstreamDown, { admit: refuse }));
      upstream.resolve("A");
      expect([(await first).outcome, (await joined).outcome]).toEqual(["miss", "coalesced"]);
      expect(await cache.get(req("a|1", upstreamDown, { admit: refuse }))).toMatchObject({
        value: "A",
        outcome: "hit",
      });
      expect(admit).toHaveBeenCalledTimes(1);
      clock.now += TTL;
      await cache.get(req("a|1", async () => "A2", { admit }));
      expect(admit).toHaveBeenCalledTimes(2);
    });

    it("refuses with its own error, sends nothing, and keeps no failure: the next admitted asker asks", async () => {
      const { cache } = setup();
      await cache.get(req("a|1", async () => "old"));
      const fetch = vi.fn(async () => "new");
      // No stale copy either: a refusal is not the upstream failing.
      await expect(cache.get(req("a|2", fetch, { admit: refuse }))).rejects.toThrow("refused");
      expect(fetch).not.toHaveBeenCalled();
      expect(await cache.get(req("a|2", fetch))).toMatchObject({ value: "new", outcome: "miss" });
    });

    it("with revalidateInBackground, a refused asker gets the previous copy and no refresh starts", async () => {
      const { clock, cache } = setup();
      await cache.get(req("names|0", async () => "old"));
      clock.now += TTL;
      const fetch = vi.fn(async () => "new");
      const answer = await cache.get(req("names|0", fetch, { revalidateInBackground: true, admit: refuse }));
      expect(answer).toMatchObject({ value: "old", outcome: "hit" });
      expect(fetch).not.toHaveBeenCalled();
    });
  });

  it("with failureTtlMs 0, asks again at once after a failure", async () => {
    const { cache } = setup();
    await expect(
      cache.get(req("names|0", upstreamDown, { failureTtlMs: 0, revalidateInBackground: true })),
    ).rejects.toThrow("upstream down");
    const fetch = vi.fn(async () => "names");
    expect(await cache.get(req("names|0", fetch, { failureTtlMs: 0, revalidateInBackground: true }))).toMatchObject({
      value: "names",
      outcome: "miss",
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  describe("bounded by bytes", () => {
    const text = (n: number) => async () => "x".repeat(n);

    it("counts an answer once though both maps hold it, and each key", async () => {
      const { clock, cache, totals } = setup();
      await cache.get(req("a|1", text(100)));
      // 100 for the answer, 3 for its key "a|1", 1 for its stale slot "a".
      expect(cache.bytes).toBe(104);
      clock.now += 1;
      await cache.get(req("a|2", text(50)));
      // "a|1" is still fresh (100 + 3); the slot "a" now holds the second answer (50 + 3 + 1).
      expect(cache.bytes).toBe(157);
      expect(totals).toEqual([104, 157]);
    });

    it("evicts the oldest answers of either map until the total fits", async () => {
      const { clock, cache } = setup(1000, 250);
      await cache.get(req("a|1", text(100)));
      clock.now += 1;
      await cache.get(req("b|1", text(100)));
      clock.now += 1;
      await cache.get(req("c|1", text(100)));
      // 3 × 104 = 312 > 250: "a|1" and its slot "a" went (104), 208 are left.
      expect(cache.bytes).toBe(208);
      const fetch = vi.fn(async () => "again");
      expect((await cache.get(req("c|1", fetch))).outcome).toBe("hit");
      expect((await cache.get(req("b|1", fetch))).outcome).toBe("hit");
      expect(fetch).not.toHaveBeenCalled();
      await expect(cache.get(req("a|2", upstreamDown))).rejects.toThrow("upstream down");
    });

    it("gives an answer larger than the whole bound to its askers without keeping it", async () => {
      const { cache } = setup(1000, 50);
      const fetch = vi.fn(text(100));
      const [first, second] = await Promise.all([cache.get(req("a|1", fetch)), cache.get(req("a|1", fetch))]);
      expect(first?.value).toHaveLength(100);
      expect(second).toMatchObject({ outcome: "coalesced" });
      expect(cache.bytes).toBe(0);
      expect((await cache.get(req("a|1", fetch))).outcome).toBe("miss");
      expect(fetch).toHaveBeenCalledTimes(2);
    });

    it("gives back the bytes of answers evicted by the entry bound", async () => {
      const { clock, cache } = setup(1);
      await cache.get(req("a|1", text(100)));
      clock.now += 1;
      await cache.get(req("b|1", text(10)));
      // Only "b|1" and its slot "b" are left: 10 + 3 + 1.
      expect(cache.bytes).toBe(14);
    });
  });
});
