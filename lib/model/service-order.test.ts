import { describe, expect, it } from "vitest";
import { compareStatus, compareWorstFirst } from "./service-order";
import { STATUS_ORDER, type ServiceStatus } from "./types";

describe("compareStatus", () => {
  it("sorts worst first", () => {
    const shuffled: ServiceStatus[] = ["ok", "idle", "down", "degraded", "failing"];
    expect([...shuffled].sort(compareStatus)).toEqual([...STATUS_ORDER]);
    expect(compareStatus("down", "ok")).toBeLessThan(0);
    expect(compareStatus("ok", "ok")).toBe(0);
  });
});

describe("compareWorstFirst", () => {
  const svc = (name: string, status: "ok" | "failing" | "down", errorRatio: number | null, p99: number | null) => ({
    name,
    status,
    errorRatio,
    latency: { p99 },
  });
  it("orders by status, then error ratio, then p99, then name", () => {
    const rows = [
      svc("b", "failing", 0.08, 0.1),
      svc("a", "ok", 0, 0.1),
      svc("c", "failing", 0.4, 0.1),
      svc("d", "down", null, null),
      svc("e", "failing", 0.08, 2),
    ];
    expect(rows.sort(compareWorstFirst).map((r) => r.name)).toEqual(["d", "c", "e", "b", "a"]);
  });
});
