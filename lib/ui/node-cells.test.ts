import { describe, expect, it } from "vitest";
import { resourceCells, utilizationLevel } from "./node-cells";

const node = (over: Partial<Parameters<typeof resourceCells>[0]> = {}) => ({
  cpu: { utilization: 0.3, saturation: 0.4 },
  memory: { utilization: 0.5, saturation: 0 },
  disk: { utilization: 0.1, saturation: 0.05 },
  network: { receiveBytesPerSecond: 1200, transmitBytesPerSecond: 800, errorsPerSecond: 0 },
  ...over,
});

describe("utilizationLevel", () => {
  it("steps at 25, 50, 70 and 90 %", () => {
    expect([0, 0.249, 0.25, 0.5, 0.69, 0.7, 0.89, 0.9, 1].map(utilizationLevel)).toEqual([0, 0, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("has no step without a value", () => {
    expect(utilizationLevel(null)).toBeNull();
    expect(utilizationLevel(Number.NaN)).toBeNull();
  });
});

describe("resourceCells", () => {
  it("shows CPU, memory and disk as percentages and the network as receive and transmit", () => {
    const [cpu, mem, disk, net] = resourceCells(node());
    expect(cpu?.text).toEqual(["30\u00a0%"]);
    expect(mem?.level).toBe(2);
    expect(disk?.mark).toBeNull();
    expect(net?.level).toBeNull();
    expect(net?.text).toEqual(["↓1.2\u00a0kB/s", "↑800\u00a0B/s"]);
  });

  it("marks a saturated CPU by load per CPU, with the numbers in the description", () => {
    const [cpu] = resourceCells(node({ cpu: { utilization: 0.7, saturation: 1.39 } }));
    expect(cpu?.mark).toBe("saturated");
    expect(cpu?.reasons).toEqual(["load per CPU 1.39 ≥ 1"]);
    expect(cpu?.description).toBe("CPU 70\u00a0% busy, 1.39\u00a0load/CPU; saturated: load per CPU 1.39 ≥ 1");
  });

  it("marks memory by major faults and disk by queue, at the mixin's thresholds", () => {
    const cells = resourceCells(
      node({ memory: { utilization: 0.4, saturation: 499 }, disk: { utilization: 0.2, saturation: 10 } }),
    );
    expect(cells[1]?.mark).toBeNull();
    expect(cells[2]?.reasons).toEqual(["disk queue 10.0 ≥ 10"]);
    expect(resourceCells(node({ memory: { utilization: 0.4, saturation: 620.4 } }))[1]?.reasons).toEqual([
      "620 major faults/s ≥ 500",
    ]);
  });

  it("marks 90 % utilization as saturated, as the node's status does", () => {
    expect(resourceCells(node({ disk: { utilization: 0.93, saturation: 0.1 } }))[2]?.reasons).toEqual([
      "disk busy 93\u00a0% ≥ 90\u00a0%",
    ]);
  });

  it("marks network errors apart from saturation", () => {
    const net = resourceCells(
      node({ network: { receiveBytesPerSecond: 5, transmitBytesPerSecond: 5, errorsPerSecond: 2.5 } }),
    )[3];
    expect(net?.mark).toBe("errors");
    expect(net?.description).toContain("errors and drops 2.5\u00a0packets/s");
  });

  it("keeps missing values apart from zero", () => {
    const none = { utilization: null, saturation: null };
    const cells = resourceCells({
      cpu: none,
      memory: none,
      disk: none,
      network: { receiveBytesPerSecond: null, transmitBytesPerSecond: null, errorsPerSecond: null },
    });
    expect(cells.map((c) => c.level)).toEqual([null, null, null, null]);
    expect(cells[0]?.text).toEqual(["—"]);
    expect(cells.every((c) => c.mark === null)).toBe(true);
  });
});
