import { describe, expect, it } from "vitest";
import type { KubernetesHealth, KubernetesNode, NodeSummary } from "@/lib/model/node-types";
import { displayStatus, explainReasons, nodeCountLabel, nodeRows } from "./node-rows";

const READY = [
  { condition: "Ready", status: "true" },
  { condition: "MemoryPressure", status: "false" },
];

function k8sNode(node: string, over: Partial<KubernetesNode> = {}): KubernetesNode {
  const use = { requests: null, limits: null, allocatable: null };
  return {
    node,
    instance: null,
    ready: true,
    conditions: READY,
    pods: { running: 3, capacity: 110 },
    cpu: use,
    memory: use,
    ...over,
  };
}

function summary(name: string, over: Partial<NodeSummary> = {}): NodeSummary {
  return {
    name,
    instance: `${name}:9100`,
    up: true,
    status: "ok",
    statusReasons: [],
    cpu: { utilization: 0.2, saturation: 0.1 },
    memory: { utilization: 0.3, saturation: 0 },
    disk: { utilization: 0.1, saturation: 0 },
    network: { receiveBytesPerSecond: 0, transmitBytesPerSecond: 0, errorsPerSecond: 0 },
    filesystems: [],
    ...over,
  };
}

const health = (nodes: KubernetesNode[]): KubernetesHealth => ({
  nodes,
  restarts: [],
  unavailableDeployments: [],
  throttling: [],
});

describe("displayStatus", () => {
  it("splits down into node_exporter down and NotReady", () => {
    expect(displayStatus({ up: false, status: "down", statusReasons: ["node_exporter down", "NotReady"] })).toBe(
      "down",
    );
    expect(displayStatus({ up: true, status: "down", statusReasons: ["NotReady"] })).toBe("NotReady");
    expect(displayStatus({ up: null, status: "busy", statusReasons: ["/ full in 3 h"] })).toBe("busy");
  });
});

describe("nodeRows", () => {
  it("joins each cluster's node to its own Kubernetes node when two sources have the same names", () => {
    const eu = summary("sim-node-a", { source: "eu", kubernetesNode: "sim-node-a" });
    const us = summary("sim-node-a", { source: "us", kubernetesNode: "sim-node-a", stale: true });
    const euK8s = k8sNode("sim-node-a", { source: "eu", pods: { running: 1, capacity: 110 } });
    const usK8s = k8sNode("sim-node-a", { source: "us", pods: { running: 2, capacity: 110 } });
    const usOnly = k8sNode("sim-node-b", { source: "us", ready: false });
    const rows = nodeRows([eu, us], health([euK8s, usK8s, usOnly]));
    const seen = rows.map((r) => [r.source, r.name, r.kubernetes?.pods.running, r.stale ?? false]);
    expect(seen).toHaveLength(3);
    expect(seen).toEqual(
      expect.arrayContaining([
        ["eu", "sim-node-a", 1, false],
        ["us", "sim-node-a", 2, true],
        ["us", "sim-node-b", 3, false],
      ]),
    );
  });

  it("keeps the API's order when there are no Kubernetes-only nodes", () => {
    const nodes = [summary("b", { status: "saturated", statusReasons: ["CPU 95 % ≥ 90 %"] }), summary("a")];
    expect(nodeRows(nodes, null).map((r) => r.name)).toEqual(["b", "a"]);
  });

  it("adds Kubernetes nodes without node_exporter and sorts a NotReady one first", () => {
    const a = summary("sim-node-a", {
      kubernetesNode: "sim-node-a",
      status: "saturated",
      statusReasons: ["load per CPU 1.39 ≥ 1"],
    });
    const notReady = k8sNode("sim-node-b", { ready: false, conditions: [{ condition: "Ready", status: "false" }] });
    const rows = nodeRows(
      [a],
      health([k8sNode("sim-node-a", { instance: "sim-node-a:9100" }), notReady, k8sNode("sim-node-c")]),
    );
    expect(rows.map((r) => [r.name, r.display])).toEqual([
      ["sim-node-b", "NotReady"],
      ["sim-node-a", "saturated"],
      ["sim-node-c", "ok"],
    ]);
    expect(rows[0]?.summary).toBeNull();
    expect(rows[1]?.kubernetes?.node).toBe("sim-node-a");
  });

  it("reads pressure on a Kubernetes-only node as saturated", () => {
    const rows = nodeRows(
      [],
      health([k8sNode("x", { conditions: [...READY, { condition: "DiskPressure", status: "true" }] })]),
    );
    expect(rows[0]).toMatchObject({ display: "saturated", reasons: ["DiskPressure"] });
  });

  it("counts nodes and those Kubernetes knows", () => {
    expect(nodeCountLabel(nodeRows([summary("a")], null))).toBe("1 node");
    expect(nodeCountLabel(nodeRows([summary("a")], health([k8sNode("b"), k8sNode("c")])))).toBe(
      "3 nodes · 2 in Kubernetes",
    );
  });
});

describe("explainReasons", () => {
  it("says what the Ready condition is instead of repeating NotReady", () => {
    expect(explainReasons(["NotReady"], [{ condition: "Ready", status: "unknown" }])).toEqual([
      "Kubernetes Ready condition is unknown",
    ]);
    expect(explainReasons(["node_exporter down", "NotReady"], undefined)).toEqual([
      "node_exporter down",
      "Kubernetes Ready condition is missing",
    ]);
    expect(explainReasons(["CPU 95 % ≥ 90 %"], [])).toEqual(["CPU 95 % ≥ 90 %"]);
  });
});
