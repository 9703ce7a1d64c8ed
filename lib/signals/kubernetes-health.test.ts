import { describe, expect, it } from "vitest";
import type { InstantSeries } from "@/lib/prometheus/upstream";
import {
  compareKubernetesNodes,
  hostOf,
  mapKubernetesNodes,
  parseKubernetesNodes,
  parseWorkloads,
} from "./kubernetes-health";

const s = (labels: Record<string, string>, value: number | null): InstantSeries => ({ labels, value });

describe("hostOf", () => {
  it("strips the port of host:port, IPv4, names and bracketed IPv6", () => {
    expect(hostOf("10.0.0.7:9100")).toBe("10.0.0.7");
    expect(hostOf("node-a.example:9100")).toBe("node-a.example");
    expect(hostOf("[::1]:9100")).toBe("::1");
    expect(hostOf("fe80::1")).toBe("fe80::1");
    expect(hostOf("node-a")).toBe("node-a");
  });
});

describe("mapKubernetesNodes", () => {
  it("maps by internal IP = host of the instance (the demo's sim-node-a)", () => {
    const nodes = [
      { node: "sim-node-a", internalIp: "127.0.0.1" },
      { node: "sim-node-b", internalIp: "10.0.0.12" },
      { node: "sim-node-c", internalIp: "10.0.0.13" },
    ];
    const m = mapKubernetesNodes(nodes, [{ instance: "127.0.0.1:9100", nodename: "vm" }]);
    expect([...m.entries()]).toEqual([["sim-node-a", "127.0.0.1:9100"]]);
  });

  it("prefers nodename = node name over an IP match, one instance per node", () => {
    const nodes = [
      { node: "a", internalIp: "10.0.0.1" },
      { node: "b", internalIp: "10.0.0.1" },
    ];
    const exporters = [{ instance: "10.0.0.1:9100", nodename: "b" }, { instance: "10.0.0.1:9101" }];
    const m = mapKubernetesNodes(nodes, exporters);
    expect(m.get("b")).toBe("10.0.0.1:9100");
    expect(m.get("a")).toBe("10.0.0.1:9101");
  });

  it("maps an instance whose host is the node name", () => {
    expect(
      mapKubernetesNodes([{ node: "worker-1", internalIp: null }], [{ instance: "worker-1:9100" }]).get("worker-1"),
    ).toBe("worker-1:9100");
  });

  it("leaves nodes without a matching exporter unmapped", () => {
    expect(mapKubernetesNodes([{ node: "x", internalIp: "10.9.9.9" }], [{ instance: "10.0.0.1:9100" }]).size).toBe(0);
  });
});

describe("parseKubernetesNodes", () => {
  it("builds one entry per node with conditions, pods and resources", () => {
    const { nodes, internalIps } = parseKubernetesNodes([
      s({ signal: "info", node: "n1", internal_ip: "10.0.0.1" }, 1),
      s({ signal: "condition", node: "n1", condition: "MemoryPressure", status: "false" }, 1),
      s({ signal: "condition", node: "n1", condition: "Ready", status: "true" }, 1),
      s({ signal: "condition", node: "n2", condition: "Ready", status: "unknown" }, 1),
      s({ signal: "pods", node: "n1" }, 5),
      s({ signal: "pod_capacity", node: "n1" }, 110),
      s({ signal: "requests", node: "n1", resource: "cpu" }, 1.5),
      s({ signal: "limits", node: "n1", resource: "memory" }, 2e9),
      s({ signal: "allocatable", node: "n1", resource: "cpu" }, 3.9),
      s({ signal: "allocatable", node: "n1", resource: "memory" }, 16e9),
    ]);
    expect(internalIps.get("n1")).toBe("10.0.0.1");
    expect(nodes.find((n) => n.node === "n1")).toEqual({
      node: "n1",
      instance: null,
      ready: true,
      conditions: [
        { condition: "Ready", status: "true" },
        { condition: "MemoryPressure", status: "false" },
      ],
      pods: { running: 5, capacity: 110 },
      cpu: { requests: 1.5, limits: null, allocatable: 3.9 },
      memory: { requests: null, limits: 2e9, allocatable: 16e9 },
    });
    expect(nodes.find((n) => n.node === "n2")?.ready).toBe(false);
  });

  it("sorts not-ready nodes first", () => {
    const { nodes } = parseKubernetesNodes([
      s({ signal: "condition", node: "a", condition: "Ready", status: "true" }, 1),
      s({ signal: "condition", node: "b", condition: "Ready", status: "false" }, 1),
      s({ signal: "condition", node: "c", condition: "Ready", status: "true" }, 1),
    ]);
    expect(nodes.sort(compareKubernetesNodes).map((n) => n.node)).toEqual(["b", "a", "c"]);
  });
});

describe("parseWorkloads", () => {
  it("restarts, unavailable deployments with desired replicas, throttling; worst first", () => {
    const w = parseWorkloads([
      s({ signal: "restarts", namespace: "shop", pod: "cart-1" }, 2.0000001),
      s({ signal: "restarts", namespace: "shop", pod: "pay-1" }, 7),
      s({ signal: "unavailable", namespace: "shop", deployment: "cart" }, 1),
      s({ signal: "unavailable", namespace: "kube-system", deployment: "coredns" }, 2),
      s({ signal: "desired", namespace: "shop", deployment: "cart" }, 2),
      s({ signal: "throttling", namespace: "shop", pod: "pay-1" }, 0.4),
      s({ signal: "throttling", namespace: "shop", pod: "web-1" }, 0.9),
    ]);
    expect(w.restarts).toEqual([
      { namespace: "shop", pod: "pay-1", restarts: 7 },
      { namespace: "shop", pod: "cart-1", restarts: 2 },
    ]);
    expect(w.unavailableDeployments).toEqual([
      { namespace: "kube-system", deployment: "coredns", unavailable: 2, desired: null },
      { namespace: "shop", deployment: "cart", unavailable: 1, desired: 2 },
    ]);
    expect(w.throttling.map((t) => t.pod)).toEqual(["web-1", "pay-1"]);
  });
});
