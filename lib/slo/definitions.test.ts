import { describe, expect, it } from "vitest";
import {
  BURN_PAIRS,
  budgetRemaining,
  burnFactor,
  burnRate,
  errorBudget,
  factorCanFire,
  isLowTraffic,
  plainDecimal,
  sloWindows,
  timeToExhaustion,
} from "./definitions";

describe("burn-rate factors", () => {
  it.each([
    ["30d", [14.4, 6, 3, 1]],
    ["28d", [13.44, 5.6, 2.8, 0.933333333333]],
    ["7d", [3.36, 1.4, 0.7, 0.233333333333]],
  ] as const)("for %s are budget share × period ÷ long window", (period, factors) => {
    expect(BURN_PAIRS.map((p) => burnFactor(p, period))).toEqual(factors);
  });

  it("pairs the workbook's windows, page before ticket", () => {
    expect(BURN_PAIRS.map((p) => `${p.severity}:${p.long}&${p.short}`)).toEqual([
      "page:1h&5m",
      "page:6h&30m",
      "ticket:1d&2h",
      "ticket:3d&6h",
    ]);
  });

  it("says a factor at or above 1 / (1 − objective) can never fire", () => {
    expect(factorCanFire(14.4, 0.9)).toBe(false); // at most 10×
    expect(factorCanFire(10, 0.9)).toBe(false); // reached only when every request fails, never exceeded
    expect(factorCanFire(9.99, 0.9)).toBe(true);
    expect(factorCanFire(14.4, 0.99)).toBe(true);
  });
});

describe("budget arithmetic", () => {
  it("has no binary noise in the budget", () => {
    expect(errorBudget(0.999)).toBe(0.001);
    expect(errorBudget(0.99)).toBe(0.01);
  });

  it("computes burn and remaining budget from an error ratio", () => {
    expect(burnRate(0.0005, 0.999)).toBeCloseTo(0.5, 12);
    expect(budgetRemaining(0.0004, 0.999)).toBeCloseTo(0.6, 12);
    expect(budgetRemaining(0.002, 0.999)).toBeCloseTo(-1, 12);
    expect(burnRate(null, 0.999)).toBeNull();
    expect(budgetRemaining(null, 0.999)).toBeNull();
  });

  it("marks fewer than one allowed bad request as low traffic", () => {
    expect(isLowTraffic(999, 0.999)).toBe(true);
    expect(isLowTraffic(1000, 0.999)).toBe(false);
    expect(isLowTraffic(null, 0.99)).toBe(true);
  });

  it("gives the time to exhaustion only while burning faster than the budget allows", () => {
    expect(timeToExhaustion(0.5, 2, 2_592_000)).toBe(648_000);
    expect(timeToExhaustion(0.5, 1, 2_592_000)).toBeNull();
    expect(timeToExhaustion(-0.1, 3, 2_592_000)).toBe(0);
    expect(timeToExhaustion(null, 3, 2_592_000)).toBeNull();
  });
});

describe("windows and decimals", () => {
  it("reads the burn windows, then the period", () => {
    expect(sloWindows("28d")).toEqual([300, 1800, 3600, 7200, 21600, 86400, 259200, 2419200]);
  });

  it("writes plain decimals", () => {
    expect(plainDecimal(14.4 * 0.001)).toBe("0.0144");
    expect(plainDecimal(0.0000001)).toBe("0.0000001");
    expect(plainDecimal(6)).toBe("6");
    expect(plainDecimal(0.933333333333 * 0.01)).toBe("0.00933333333333");
  });
});
