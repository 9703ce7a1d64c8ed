import { describe, expect, it } from "vitest";
import type { KubernetesNode } from "@/lib/model/node-types";
import { conditionProblems, podTotals, shareOf, visibleKubernetesNodes } from "./kubernetes-health";

function k8sNode(
  node: string,
  ready: boolean,
  extra: { condition: string; status: string }[] = [],
  running: number | null = 3,
): KubernetesNode {
  const use = { requests: null, limits: null, allocatable: null };
  return {
    node,
    instance: null,
    ready,
    conditions: [{ condition: "Ready", status: String(ready) }, ...extra],
    pods: { running, capacity: 110 },
    cpu: use,
    memory: use,
  };
}

describe("conditionProblems", () => {
  it("names NotReady first, then every other condition that is true", () => {
    expect(
      conditionProblems([
        { condition: "DiskPressure", status: "true" },
        { condition: "Ready", status: "false" },
        { condition: "PIDPressure", status: "false" },
      ]),
    ).toEqual(["NotReady", "DiskPressure"]);
  });

  it("says when readiness is unknown", () => {
    expect(conditionProblems([{ condition: "Ready", status: "unknown" }])).toEqual(["Ready unknown"]);
    expect(conditionProblems([{ condition: "Ready", status: "true" }])).toEqual([]);
  });
});

describe("totals", () => {
  it("sums pods over the nodes that report them", () => {
    expect(podTotals([k8sNode("a", true), k8sNode("b", true, [], null)])).toEqual({ running: 3, capacity: 220 });
    expect(podTotals([])).toEqual({ running: null, capacity: null });
  });

  it("divides only known, non-zero wholes", () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(1, 0)).toBeNull();
    expect(shareOf(null, 4)).toBeNull();
  });
});

describe("visibleKubernetesNodes", () => {
  it("puts NotReady, then pressure, first and counts the rest", () => {
    const nodes = [
      k8sNode("a", true),
      k8sNode("b", true, [{ condition: "MemoryPressure", status: "true" }]),
      k8sNode("c", false),
      k8sNode("d", true),
    ];
    const v = visibleKubernetesNodes(nodes, 2);
    expect(v.shown.map((k) => k.node)).toEqual(["c", "b"]);
    expect(v).toMatchObject({ hidden: 2, hiddenWithProblems: 0 });
    expect(visibleKubernetesNodes(nodes, 1).hiddenWithProblems).toBe(1);
  });
});
