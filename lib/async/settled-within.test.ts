import { afterEach, describe, expect, it, vi } from "vitest";
import { settledWithin } from "./settled-within";

describe("settledWithin", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the value of a promise that settles in time, and clears its timer", async () => {
    vi.useFakeTimers();
    const answer = settledWithin(new Promise<string>((resolve) => setTimeout(() => resolve("in time"), 50)), 100);
    await vi.advanceTimersByTimeAsync(50);
    await expect(answer).resolves.toBe("in time");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives undefined once the time is up, and the promise still settles later", async () => {
    vi.useFakeTimers();
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve("late"), 200));
    const answer = settledWithin(slow, 100);
    await vi.advanceTimersByTimeAsync(100);
    await expect(answer).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(100);
    await expect(slow).resolves.toBe("late");
  });

  it("passes a rejection on when it comes in time", async () => {
    await expect(settledWithin(Promise.reject(new Error("failed")), 100)).rejects.toThrow("failed");
  });
});
