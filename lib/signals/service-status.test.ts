import { describe, expect, it } from "vitest";
import type { Thresholds } from "@/lib/config/schema";
import { classifyService, type StatusInput } from "./service-status";

const T: Thresholds = { errorRatio: { degraded: 0.01, failing: 0.05 }, p99Seconds: { degraded: 0.5, failing: 1 } };
const healthy: StatusInput = { requestRate: 10, errorRatio: 0.001, p99: 0.2, instances: { up: 3, total: 3 } };
const classify = (over: Partial<StatusInput>) => classifyService({ ...healthy, ...over }, T);

describe("classifyService", () => {
  it("is ok with no reasons when everything is under the thresholds", () => {
    expect(classify({})).toEqual({ status: "ok", reasons: [] });
  });

  it("puts each threshold's edge on the worse side", () => {
    expect(classify({ errorRatio: 0.0099 }).status).toBe("ok");
    expect(classify({ errorRatio: 0.01 })).toEqual({ status: "degraded", reasons: ["error ratio 1.0 % ≥ 1.0 %"] });
    expect(classify({ errorRatio: 0.0499 }).status).toBe("degraded");
    expect(classify({ errorRatio: 0.05 })).toEqual({ status: "failing", reasons: ["error ratio 5.0 % ≥ 5.0 %"] });
    expect(classify({ p99: 0.499 }).status).toBe("ok");
    expect(classify({ p99: 0.5 })).toEqual({ status: "degraded", reasons: ["p99 500 ms ≥ 500 ms"] });
    expect(classify({ p99: 1 })).toEqual({ status: "failing", reasons: ["p99 1.00 s ≥ 1.00 s"] });
  });

  it("writes large ratios without decimals and slow p99 in seconds", () => {
    expect(classify({ errorRatio: 0.12 }).reasons).toEqual(["error ratio 12 % ≥ 5.0 %"]);
    expect(classify({ p99: 2.345 }).reasons).toEqual(["p99 2.35 s ≥ 1.00 s"]);
  });

  it("takes the worst signal and gives every reason, errors first", () => {
    expect(classify({ errorRatio: 0.02, p99: 1.5 })).toEqual({
      status: "failing",
      reasons: ["error ratio 2.0 % ≥ 1.0 %", "p99 1.50 s ≥ 1.00 s"],
    });
  });

  it("is down when no instance is up, whatever else is true", () => {
    expect(classify({ instances: { up: 0, total: 3 }, errorRatio: 0.5 })).toEqual({
      status: "down",
      reasons: ["all 3 instances down"],
    });
  });

  it("is degraded when some instances are down", () => {
    expect(classify({ instances: { up: 2, total: 3 } })).toEqual({
      status: "degraded",
      reasons: ["1 of 3 instances down"],
    });
    expect(classify({ instances: { up: 2, total: 3 }, errorRatio: 0.06 }).status).toBe("failing");
  });

  it("is idle without requests and without other problems", () => {
    expect(classify({ requestRate: 0, errorRatio: null, p99: null })).toEqual({
      status: "idle",
      reasons: ["no requests"],
    });
    expect(classify({ requestRate: null, errorRatio: null, p99: null, instances: null })).toEqual({
      status: "idle",
      reasons: ["no requests"],
    });
    expect(classify({ requestRate: 0, instances: { up: 0, total: 0 } }).status).toBe("idle");
  });

  it("is never milder than a firing alert: critical is failing, warning degraded", () => {
    expect(classify({ alerts: [{ name: "InstanceDown", severity: "critical" }] })).toEqual({
      status: "failing",
      reasons: ["critical alert firing: InstanceDown"],
    });
    expect(classify({ alerts: [{ name: "HighLatencyP99", severity: "warning" }] })).toEqual({
      status: "degraded",
      reasons: ["warning alert firing: HighLatencyP99"],
    });
    expect(
      classify({ requestRate: 0, errorRatio: null, p99: null, alerts: [{ name: "NoTraffic", severity: "page" }] })
        .status,
    ).toBe("failing");
  });

  it("names each firing alert once per severity, the most severe first, and ignores informational ones", () => {
    const alerts = [
      { name: "HighLatencyP99", severity: "warning" },
      { name: "InstanceDown", severity: "critical" },
      { name: "InstanceDown", severity: "critical" },
      { name: "HighErrorRatio", severity: "critical" },
      { name: "Deploying", severity: "info" },
    ];
    expect(classify({ instances: { up: 1, total: 2 }, alerts })).toEqual({
      status: "failing",
      reasons: [
        "1 of 2 instances down",
        "critical alert firing: HighErrorRatio, InstanceDown",
        "warning alert firing: HighLatencyP99",
      ],
    });
    expect(classify({ alerts: [{ name: "Deploying", severity: "info" }] })).toEqual({ status: "ok", reasons: [] });
  });

  it("ignores signals without data", () => {
    expect(classify({ errorRatio: null, p99: null })).toEqual({ status: "ok", reasons: [] });
  });

  it("follows custom thresholds", () => {
    const strict: Thresholds = {
      errorRatio: { degraded: 0.002, failing: 0.004 },
      p99Seconds: { degraded: 0.1, failing: 0.2 },
    };
    expect(classifyService(healthy, strict)).toEqual({ status: "failing", reasons: ["p99 200 ms ≥ 200 ms"] });
  });
});
