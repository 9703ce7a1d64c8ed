import { describe, expect, it } from "vitest";
import { classifyNode, compareNodes, maxUtilization, type NodeSortInput, type NodeStatusInput } from "./node-status";

const node = (over: Partial<NodeStatusInput> = {}): NodeStatusInput => ({
  up: true,
  cpu: { utilization: 0.2, saturation: 0.3 },
  memory: { utilization: 0.4 },
  disk: { utilization: 0.1 },
  filesystems: [],
  ...over,
});

describe("classifyNode", () => {
  it("ok when everything is below the busy thresholds", () => {
    expect(classifyNode(node())).toEqual({ status: "ok", reasons: [] });
  });

  it("down when node_exporter does not answer", () => {
    expect(classifyNode(node({ up: false }))).toEqual({ status: "down", reasons: ["node_exporter down"] });
  });

  it("down with NotReady when the Ready condition is not true, unknown included", () => {
    const conditions = (status: string) => [{ condition: "Ready", status }];
    expect(classifyNode(node({ conditions: conditions("false") }))).toEqual({ status: "down", reasons: ["NotReady"] });
    expect(classifyNode(node({ conditions: conditions("unknown") }))).toEqual({
      status: "down",
      reasons: ["NotReady"],
    });
    expect(classifyNode(node({ conditions: conditions("true") })).status).toBe("ok");
  });

  it("busy at 70 %, saturated at 90 % utilization, boundaries included", () => {
    expect(classifyNode(node({ cpu: { utilization: 0.7, saturation: 0 } }))).toEqual({
      status: "busy",
      reasons: ["CPU 70 % ≥ 70 %"],
    });
    expect(classifyNode(node({ memory: { utilization: 0.9 } }))).toEqual({
      status: "saturated",
      reasons: ["memory 90 % ≥ 90 %"],
    });
    expect(classifyNode(node({ disk: { utilization: 0.95 } })).reasons).toEqual(["disk busy 95 % ≥ 90 %"]);
    expect(classifyNode(node({ cpu: { utilization: 0.69, saturation: 0 } })).status).toBe("ok");
  });

  it("saturated at a load of one runnable task per CPU", () => {
    expect(classifyNode(node({ cpu: { utilization: 0.5, saturation: 1 } }))).toEqual({
      status: "saturated",
      reasons: ["load per CPU 1.00 ≥ 1"],
    });
    expect(classifyNode(node({ cpu: { utilization: 0.5, saturation: 0.99 } })).status).toBe("ok");
  });

  it("lists saturated reasons before busy ones", () => {
    const v = classifyNode(node({ cpu: { utilization: 0.75, saturation: 1.5 } }));
    expect(v).toEqual({ status: "saturated", reasons: ["load per CPU 1.50 ≥ 1", "CPU 75 % ≥ 70 %"] });
  });

  it("filesystems: nearly full is saturated, filling within a day is busy", () => {
    const fs = (usedRatio: number, timeToFullSeconds: number | null) =>
      node({ filesystems: [{ mountpoint: "/var", usedRatio, timeToFullSeconds }] });
    expect(classifyNode(fs(0.96, null))).toEqual({ status: "saturated", reasons: ["/var 96 % full"] });
    expect(classifyNode(fs(0.65, 5 * 3600))).toEqual({ status: "busy", reasons: ["/var full in 5 h"] });
    expect(classifyNode(fs(0.3, 5 * 3600)).status).toBe("ok");
    expect(classifyNode(fs(0.65, 3 * 86_400)).status).toBe("ok");
  });

  it("pressure conditions are saturation", () => {
    const conditions = [
      { condition: "Ready", status: "true" },
      { condition: "MemoryPressure", status: "true" },
      { condition: "DiskPressure", status: "false" },
    ];
    expect(classifyNode(node({ conditions }))).toEqual({ status: "saturated", reasons: ["MemoryPressure"] });
  });

  it("ignores unknown values", () => {
    expect(
      classifyNode(
        node({
          cpu: { utilization: null, saturation: null },
          memory: { utilization: null },
          disk: { utilization: null },
        }),
      ).status,
    ).toBe("ok");
  });
});

describe("compareNodes", () => {
  const row = (name: string, over: Partial<NodeSortInput> = {}): NodeSortInput => ({
    name,
    up: true,
    status: "ok",
    statusReasons: [],
    cpu: { utilization: 0.1 },
    memory: { utilization: 0.1 },
    disk: { utilization: 0.1 },
    ...over,
  });

  it("sorts down, NotReady, saturated, busy, then by highest utilization, then name", () => {
    const rows = [
      row("ok-low"),
      row("ok-high", { memory: { utilization: 0.6 } }),
      row("busy", { status: "busy", cpu: { utilization: 0.75 } }),
      row("saturated", { status: "saturated", cpu: { utilization: 0.95 } }),
      row("not-ready", { status: "down", statusReasons: ["NotReady"] }),
      row("exporter-down", {
        up: false,
        status: "down",
        statusReasons: ["node_exporter down"],
        cpu: { utilization: null },
        memory: { utilization: null },
        disk: { utilization: null },
      }),
      row("b-ok-same"),
      row("no-data", { cpu: { utilization: null }, memory: { utilization: null }, disk: { utilization: null } }),
    ];
    expect(rows.sort(compareNodes).map((r) => r.name)).toEqual([
      "exporter-down",
      "not-ready",
      "saturated",
      "busy",
      "ok-high",
      "b-ok-same",
      "ok-low",
      "no-data",
    ]);
  });

  it("maxUtilization takes the highest known value", () => {
    expect(
      maxUtilization({ cpu: { utilization: 0.2 }, memory: { utilization: null }, disk: { utilization: 0.5 } }),
    ).toBe(0.5);
    expect(
      maxUtilization({ cpu: { utilization: null }, memory: { utilization: null }, disk: { utilization: null } }),
    ).toBeNull();
  });
});
