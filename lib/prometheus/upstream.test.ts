import { describe, expect, it } from "vitest";
import { instantTtlMs, staleSlot } from "./upstream";

describe("instantTtlMs", () => {
  const now = 1_800_000_000_000;

  it("keeps answers about now for the live ttl (about one scrape)", () => {
    expect(instantTtlMs(now / 1000, now, 5_000)).toBe(5_000);
    expect(instantTtlMs(now / 1000 - 299, now, 5_000)).toBe(5_000);
  });

  it("keeps answers about a settled past instant (5 min or more ago) for 10 min", () => {
    expect(instantTtlMs(now / 1000 - 300, now, 5_000)).toBe(600_000);
    expect(instantTtlMs(now / 1000 - 86_400, now, 5_000)).toBe(600_000);
  });

  it("never shortens a ttl the caller asked for", () => {
    expect(instantTtlMs(now / 1000 - 3600, now, 900_000)).toBe(900_000);
  });
});

describe("staleSlot", () => {
  const now = 1_800_000_000_000;

  it("near now, lets the previous poll's answer (the question without its time) stand in", () => {
    expect(staleSlot("q|1800000000", "q", now / 1000, now)).toBe("q");
    expect(staleSlot("q|1800000000", "q", now / 1000 - 60, now)).toBe("q");
  });

  it("for a settled past instant, lets only an answer about that same instant stand in", () => {
    expect(staleSlot("q|1799996400", "q", now / 1000 - 3600, now)).toBe("q|1799996400");
  });
});
