import { describe, expect, it } from "vitest";
import { NO_VALUE } from "./format";
import {
  formatBytes,
  formatBytesPerSecond,
  formatCores,
  formatLoadPerCpu,
  formatNodeSelector,
  formatPerSecond,
  formatTimeToFull,
} from "./node-format";

const nb = (s: string) => s.replace(/ /g, "\u00a0");

describe("node units", () => {
  it("formats byte rates in SI units", () => {
    expect(formatBytesPerSecond(0)).toBe(nb("0 B/s"));
    expect(formatBytesPerSecond(800)).toBe(nb("800 B/s"));
    expect(formatBytesPerSecond(1200)).toBe(nb("1.2 kB/s"));
    expect(formatBytesPerSecond(45_300_000)).toBe(nb("45.3 MB/s"));
    expect(formatBytesPerSecond(null)).toBe(NO_VALUE);
  });

  it("formats sizes in IEC units", () => {
    expect(formatBytes(512 * 1024 * 1024)).toBe(nb("512 MiB"));
    expect(formatBytes(24_739_192_832)).toBe(nb("23 GiB"));
    expect(formatBytes(1023)).toBe(nb("1,023 B"));
    expect(formatBytes(null)).toBe(NO_VALUE);
  });

  it("formats load, cores and per-second counts", () => {
    expect(formatLoadPerCpu(1.391)).toBe(nb("1.39 load/CPU"));
    expect(formatCores(1)).toBe(nb("1 core"));
    expect(formatCores(1.16)).toBe(nb("1.16 cores"));
    expect(formatPerSecond(12, "faults")).toBe(nb("12 faults/s"));
    expect(formatPerSecond(0.013, "s")).toBe(nb("0.01 s/s"));
    expect(formatPerSecond(null, "errors")).toBe(NO_VALUE);
  });

  it("says when a filesystem fills, or that it does not", () => {
    expect(formatTimeToFull(4_614_276)).toBe(`in ${nb("53 d")}`);
    expect(formatTimeToFull(5400)).toBe(`in ${nb("1 h")} ${nb("30 min")}`);
    expect(formatTimeToFull(null)).toBe("not filling");
  });
});

describe("formatNodeSelector", () => {
  it("prints the default selector as a PromQL matcher", () => {
    expect(formatNodeSelector({ job: "node" })).toBe('job="node"');
  });

  it("joins several matchers with a comma, in the configured order", () => {
    expect(formatNodeSelector({ job: "node-exporter", cluster: "eu-1" })).toBe('job="node-exporter", cluster="eu-1"');
  });

  it("escapes quotes and backslashes in a value, as PromQL would need them", () => {
    expect(formatNodeSelector({ job: 'a"b\\c' })).toBe('job="a\\"b\\\\c"');
  });
});
