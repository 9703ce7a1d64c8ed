import { describe, expect, it } from "vitest";
import {
  alignInstant,
  alignRange,
  DEFAULT_MAX_POINTS,
  pointsForWidth,
  PROMETHEUS_MAX_POINTS,
  rateWindow,
  stepFor,
} from "./range";

const NICE = new Set([
  1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
]);
const isNice = (step: number) => NICE.has(step) || (step > 0 && step % 86_400 === 0);
const HOUR = 3600;
const DAY = 86_400;
const NOW = 1_763_800_007; // deliberately not a multiple of 15

describe("pointsForWidth", () => {
  it("gives one point per 3 px, capped at the default maximum", () => {
    expect(pointsForWidth(300)).toBe(100);
    expect(pointsForWidth(301)).toBe(100);
    expect(pointsForWidth(900)).toBe(DEFAULT_MAX_POINTS);
    expect(pointsForWidth(4000)).toBe(DEFAULT_MAX_POINTS);
  });

  it("uses the default without a width and never goes below 2 points", () => {
    expect(pointsForWidth(undefined)).toBe(300);
    expect(pointsForWidth(1)).toBe(2);
    expect(pointsForWidth(0)).toBe(2);
  });
});

describe("stepFor", () => {
  it("gives the scrape interval for an hour at 300 points", () => {
    expect(stepFor({ from: NOW - HOUR, to: NOW }, 300, 15)).toBe(15);
  });

  it("gives minStep when the range is shorter than one step", () => {
    expect(stepFor({ from: NOW - 10, to: NOW }, 300, 15)).toBe(15);
  });

  it("gives minStep (or 1 s) for a zero-length or inverted range", () => {
    expect(stepFor({ from: NOW, to: NOW }, 300, 15)).toBe(15);
    expect(stepFor({ from: NOW, to: NOW }, 300)).toBe(1);
    expect(stepFor({ from: NOW, to: NOW - HOUR }, 300, 30)).toBe(30);
  });

  it("keeps a 31-day range within 300 points", () => {
    const range = { from: NOW - 31 * DAY, to: NOW };
    const step = stepFor(range, 300, 15);
    expect(step).toBe(10_800);
    expect(Math.floor((31 * DAY) / step) + 1).toBeLessThanOrEqual(300);
  });

  it("never exceeds Prometheus's 11,000 points, however many are asked for", () => {
    const range = { from: NOW - 30 * DAY, to: NOW };
    const step = stepFor(range, 1_000_000, 1);
    expect(step).toBe(300);
    expect((30 * DAY) / step).toBeLessThanOrEqual(PROMETHEUS_MAX_POINTS);
    expect(stepFor({ from: NOW - DAY, to: NOW }, 1_000_000)).toBe(10);
  });

  it("respects minStep, rounding it up to a nice step", () => {
    expect(stepFor({ from: NOW - HOUR, to: NOW }, 300, 60)).toBe(60);
    expect(stepFor({ from: NOW - HOUR, to: NOW }, 300, 45)).toBe(60);
  });

  it("uses whole days beyond the longest nice step", () => {
    expect(stepFor({ from: NOW - 730 * DAY, to: NOW }, 300, 15)).toBe(3 * DAY);
  });

  it("always gives a nice step that keeps the span within the points asked for", () => {
    const spans = [1, 59, HOUR, 6 * HOUR, DAY, 7 * DAY, 31 * DAY, 400 * DAY];
    for (const span of spans) {
      for (const points of [2, 40, 100, 300]) {
        for (const minStep of [1, 10, 15, 60]) {
          const step = stepFor({ from: NOW - span, to: NOW }, points, minStep);
          expect(isNice(step), `span ${span} points ${points} → ${step}`).toBe(true);
          expect(step).toBeGreaterThanOrEqual(minStep);
          expect(span / step).toBeLessThanOrEqual(points);
        }
      }
    }
  });
});

describe("alignRange", () => {
  it("aligns an unaligned now down to the step", () => {
    expect(alignRange({ from: NOW - HOUR, to: NOW }, 15)).toEqual({
      start: 1_763_796_405,
      end: 1_763_800_005,
      step: 15,
    });
  });

  it("gives the same question to viewers a few seconds apart", () => {
    const a = alignRange({ from: NOW - HOUR, to: NOW }, 60);
    const b = alignRange({ from: NOW + 10 - HOUR, to: NOW + 10 }, 60);
    expect(a).toEqual(b);
  });

  it("keeps start ≤ end and both on the step grid", () => {
    const cases = [
      { from: NOW - HOUR, to: NOW },
      { from: NOW - 5, to: NOW },
      { from: NOW, to: NOW },
      { from: NOW, to: NOW - HOUR },
      { from: NOW - 31 * DAY + 0.5, to: NOW + 0.25 },
    ];
    for (const range of cases) {
      for (const step of [1, 15, 60, 10_800, 2 * DAY]) {
        const r = alignRange(range, step);
        expect(r.start).toBeLessThanOrEqual(r.end);
        expect(r.start % step).toBe(0);
        expect(r.end % step).toBe(0);
        expect(r.end).toBeLessThanOrEqual(range.to);
        expect(r.step).toBe(step);
      }
    }
  });

  it("collapses a range shorter than a step to one point", () => {
    const r = alignRange({ from: 1_763_800_006, to: 1_763_800_014 }, 15);
    expect(r).toEqual({ start: 1_763_800_005, end: 1_763_800_005, step: 15 });
  });
});

describe("alignInstant", () => {
  it("aligns down to the granularity and leaves aligned instants alone", () => {
    expect(alignInstant(NOW, 15)).toBe(1_763_800_005);
    expect(alignInstant(1_763_800_005, 15)).toBe(1_763_800_005);
    expect(alignInstant(1_763_800_005.9, 15)).toBe(1_763_800_005);
    expect(alignInstant(NOW, 60)).toBe(1_763_799_960);
  });
});

describe("rateWindow", () => {
  it.each([
    [15, 15, 60, 60],
    [1, 15, 60, 60],
    [30, 15, 60, 60],
    [60, 15, 60, 75],
    [300, 15, 60, 315],
    [15, 30, 120, 120],
    [10_800, 60, 240, 10_860],
    // A 5 s scrape with the default 60 s current window: never the 20 s of four scrapes.
    [15, 5, 60, 60],
    [60, 5, 60, 65],
  ])(
    "step %d, scrape %d, current window %d → max(current window, step + scrape) = %d",
    (step, scrape, current, expected) => {
      expect(rateWindow(step, scrape, current)).toBe(expected);
    },
  );
});
