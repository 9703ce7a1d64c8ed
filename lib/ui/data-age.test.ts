import { describe, expect, it } from "vitest";
import { answeredAt } from "./data-age";

describe("answeredAt", () => {
  it("dates a fresh answer by when it was received, whatever age it states", () => {
    expect(answeredAt(1_763_800_000_000, { stale: false })).toBe(1_763_800_000_000);
    expect(answeredAt(1_763_800_000_000, { stale: false, ageSeconds: 30 })).toBe(1_763_800_000_000);
  });

  it("dates a stale copy by when Prometheus last answered: its age before it was received", () => {
    expect(answeredAt(1_763_800_000_000, { stale: true, ageSeconds: 90 })).toBe(1_763_799_910_000);
    expect(answeredAt(1_763_800_000_000, { stale: true, ageSeconds: 0.5 })).toBe(1_763_799_999_500);
  });

  it("dates a stale copy that states no age by when it was received", () => {
    expect(answeredAt(1_763_800_000_000, { stale: true })).toBe(1_763_800_000_000);
  });
});
