import { describe, expect, it } from "vitest";
import {
  NO_VALUE,
  formatAge,
  formatNumber,
  formatPercent,
  formatRate,
  formatSeconds,
  inUnit,
  latencyUnit,
  plural,
} from "./format";

// The formatters join value and unit with a no-break space; the expectations are written with plain ones.
const nb = (s: string) => s.replace(/ /g, "\u00a0");

describe("formatNumber", () => {
  it("keeps few significant digits", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(0.004)).toBe("<0.01");
    expect(formatNumber(0.5)).toBe("0.5");
    expect(formatNumber(0.523)).toBe("0.52");
    expect(formatNumber(12.54)).toBe("12.5");
    expect(formatNumber(1234.4)).toBe("1,234");
    expect(formatNumber(12_345)).toBe("12.3k");
    expect(formatNumber(456_789)).toBe("457k");
    expect(formatNumber(4_500_000)).toBe("4.5M");
  });
});

describe("units", () => {
  it("formats request rates, keeping null apart from 0", () => {
    expect(formatRate(12.5)).toBe(nb("12.5 req/s"));
    expect(formatRate(0)).toBe(nb("0 req/s"));
    expect(formatRate(null)).toBe(NO_VALUE);
  });

  it("formats ratios as percentages", () => {
    expect(formatPercent(0)).toBe(nb("0 %"));
    expect(formatPercent(0.00005)).toBe(nb("<0.01 %"));
    expect(formatPercent(0.0012)).toBe(nb("0.12 %"));
    expect(formatPercent(0.045)).toBe(nb("4.5 %"));
    expect(formatPercent(0.372)).toBe(nb("37 %"));
    expect(formatPercent(1)).toBe(nb("100 %"));
    expect(formatPercent(null)).toBe(NO_VALUE);
  });

  it("formats latencies in ms below a second and s above", () => {
    expect(formatSeconds(0.0031)).toBe(nb("3.1 ms"));
    expect(formatSeconds(0.48)).toBe(nb("480 ms"));
    expect(formatSeconds(1.254)).toBe(nb("1.25 s"));
    expect(formatSeconds(12.34)).toBe(nb("12.3 s"));
    expect(formatSeconds(0)).toBe(nb("0 ms"));
    expect(formatSeconds(null)).toBe(NO_VALUE);
  });

  it("picks one latency unit per axis", () => {
    expect(latencyUnit(0.9)).toBe("ms");
    expect(latencyUnit(2)).toBe("s");
    expect(inUnit(0.25, "ms")).toBe(250);
    expect(inUnit(0.25, "s")).toBe(0.25);
  });

  it("formats ages", () => {
    expect(formatAge(4.4)).toBe(nb("4 s"));
    expect(formatAge(125)).toBe(nb("2 min"));
    // Parts may break between them, never inside one.
    expect(formatAge(3900)).toBe(`${nb("1 h")} ${nb("5 min")}`);
    expect(formatAge(7205)).toBe(nb("2 h"));
    expect(formatAge(3 * 86_400 + 5)).toBe(nb("3 d"));
    expect(formatAge(-3)).toBe(nb("0 s"));
  });

  it("counts", () => {
    expect(plural(1, "service")).toBe("1 service");
    expect(plural(2000, "service")).toBe("2,000 services");
  });
});
