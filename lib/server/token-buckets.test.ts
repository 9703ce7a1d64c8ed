import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-buckets";

/** 60 a minute (one a second), 10 at once, over a clock the test moves. */
function setup(maxClients?: number) {
  const clock = { now: 1_000_000 };
  const buckets = new TokenBuckets({ perMinute: 60, burst: 10, maxClients, now: () => clock.now });
  return { clock, buckets };
}

describe("TokenBuckets", () => {
  it("lets a new client spend its burst at once, then refuses with the seconds until a token is back", () => {
    const { buckets } = setup();
    for (let i = 0; i < 10; i++) expect(buckets.take("a", 1), `take ${i}`).toEqual({ ok: true });
    expect(buckets.take("a", 1)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it("refills at the rate, never above the burst", () => {
    const { clock, buckets } = setup();
    for (let i = 0; i < 10; i++) buckets.take("a", 1);
    clock.now += 3_000;
    for (let i = 0; i < 3; i++) expect(buckets.take("a", 1)).toEqual({ ok: true });
    expect(buckets.take("a", 1).ok).toBe(false);
    clock.now += 3_600_000;
    for (let i = 0; i < 10; i++) expect(buckets.take("a", 1)).toEqual({ ok: true });
    expect(buckets.take("a", 1).ok).toBe(false);
  });

  it("takes a costly piece of work whole while one token is left, and the client then waits off the debt", () => {
    const { clock, buckets } = setup();
    expect(buckets.take("a", 31)).toEqual({ ok: true });
    // 10 - 31 = -21: 22 tokens short of one, at one a second.
    expect(buckets.take("a", 1)).toEqual({ ok: false, retryAfterSeconds: 22 });
    clock.now += 21_000;
    expect(buckets.take("a", 1).ok).toBe(false);
    clock.now += 1_000;
    expect(buckets.take("a", 1).ok).toBe(true);
  });

  it("counts each client apart: one that has spent everything does not hold back another", () => {
    const { buckets } = setup();
    for (let i = 0; i < 10; i++) buckets.take("a", 1);
    expect(buckets.take("a", 1).ok).toBe(false);
    expect(buckets.take("b", 1).ok).toBe(true);
  });

  it("forgets a client whose bucket has filled up again", () => {
    const { clock, buckets } = setup();
    buckets.take("a", 5);
    buckets.take("b", 5);
    expect(buckets.size).toBe(2);
    clock.now += 5_000;
    buckets.take("c", 1);
    expect(buckets.size).toBe(1);
  });

  it("remembers at most maxClients, forgetting the least recently seen first", () => {
    const { buckets } = setup(3);
    buckets.take("a", 9);
    buckets.take("b", 10);
    buckets.take("c", 10);
    buckets.take("a", 1);
    buckets.take("d", 1);
    expect(buckets.size).toBe(3);
    // b was seen longest ago: forgotten, it starts again with a full bucket; a and c are still empty.
    expect(buckets.take("a", 1).ok).toBe(false);
    expect(buckets.take("c", 1).ok).toBe(false);
    expect(buckets.take("b", 1).ok).toBe(true);
  });
});
