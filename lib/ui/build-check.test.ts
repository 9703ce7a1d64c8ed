import { describe, expect, it } from "vitest";
import { MIN_PAGE_AGE_BEFORE_RELOAD_MS, shouldReload } from "./build-check";

describe("shouldReload", () => {
  const old = MIN_PAGE_AGE_BEFORE_RELOAD_MS;

  it("reloads onto a new build", () => {
    expect(shouldReload("20251122090000", "20251121080000", old)).toBe(true);
  });

  it("stays on the same build", () => {
    expect(shouldReload("20251122090000", "20251122090000", old * 100)).toBe(false);
  });

  it("waits until the page has been up a while, so a rolling deployment cannot make it reload in a loop", () => {
    expect(shouldReload("b", "a", old - 1)).toBe(false);
  });

  it("does nothing when either build is unknown", () => {
    expect(shouldReload(undefined, "a", old)).toBe(false);
    expect(shouldReload("b", undefined, old)).toBe(false);
    expect(shouldReload("", "a", old)).toBe(false);
  });
});
