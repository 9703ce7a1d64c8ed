import { describe, expect, it } from "vitest";
import { A, B, FS, fakeUpstream, times, USE } from "@/lib/testing/fake-node-upstream";
import { configSchema } from "@/lib/config/schema";
import { UpstreamError } from "@/lib/prometheus/errors";
import { assembleNodes, nodesOverview, parseFilesystems, parseUseSignals } from "./nodes";

describe("parsing", () => {
  it("groups USE signals by instance", () => {
    const a = parseUseSignals(USE).find((n) => n.instance === A);
    expect(a).toEqual({
      instance: A,
      nodename: "vm",
      up: true,
      cpu: { utilization: 0.2, saturation: 0.3 },
      memory: { utilization: 0.5, saturation: 0 },
      disk: { utilization: 0.01, saturation: 0.02 },
      network: { receiveBytesPerSecond: 100, transmitBytesPerSecond: 50, errorsPerSecond: 0 },
    });
  });

  it("groups filesystems by instance, sorted by mountpoint, time to full null when not filling", () => {
    expect(parseFilesystems(FS).get(A)).toEqual([
      { mountpoint: "/", device: "/dev/vda", usedRatio: 0.69, timeToFullSeconds: 1e7 },
      { mountpoint: "/data", device: "/dev/vdb", usedRatio: 0.1, timeToFullSeconds: null },
    ]);
  });
});

describe("assembleNodes", () => {
  it("names mapped nodes after Kubernetes, sorts worst first, keeps Kubernetes-only nodes", () => {
    const k8s = { nodes: [], internalIps: new Map<string, string>() };
    const { nodes } = assembleNodes(parseUseSignals(USE), parseFilesystems(FS), k8s);
    expect(nodes.map((n) => [n.name, n.status])).toEqual([
      ["10.0.0.30:9100", "down"],
      [B, "saturated"],
      [A, "ok"],
    ]);
  });
});

describe("nodesOverview", () => {
  it("without kube-state-metrics: two instant queries and kubernetes null", async () => {
    const { deps, calls } = fakeUpstream({ kubernetes: false });
    const r = await nodesOverview(deps, times);
    expect(r.kubernetes).toBeNull();
    expect(calls.filter((c) => c.startsWith("instant"))).toHaveLength(2);
    expect(r.nodes.map((n) => n.name)).toEqual(["10.0.0.30:9100", B, A]);
    expect(r.nodes[2]?.filesystems).toHaveLength(2);
    expect(r).toMatchObject({ at: 4600, window: 60, from: 1000, to: 4600, stale: false, warnings: [] });
  });

  it("with kube-state-metrics: four instant queries, sim-node-a mapped, all Kubernetes nodes listed", async () => {
    const { deps, calls } = fakeUpstream({ kubernetes: true });
    const r = await nodesOverview(deps, times);
    expect(calls.filter((c) => c.startsWith("instant"))).toHaveLength(4);
    // The restarts window is the aligned range: 4560 - 960 = 3600 s.
    expect(calls.some((c) => c.includes("increase(kube_pod_container_status_restarts_total[1h])"))).toBe(true);
    const a = r.nodes.find((n) => n.instance === A);
    expect(a).toMatchObject({
      name: "sim-node-a",
      kubernetesNode: "sim-node-a",
      conditions: [{ condition: "Ready", status: "true" }],
    });
    expect(r.kubernetes?.nodes.map((n) => [n.node, n.instance, n.ready])).toEqual([
      ["sim-node-b", null, false],
      ["sim-node-a", A, true],
      ["sim-node-c", null, true],
    ]);
    expect(r.kubernetes?.throttling).toEqual([{ namespace: "shop", pod: "payments-1", ratio: 0.8 }]);
  });

  it("answers the configured node selector, so the page can say which series it looked for", async () => {
    const { deps } = fakeUpstream({ kubernetes: false });
    const cfg = configSchema.parse({ nodes: { selector: { job: "node-exporter", cluster: "eu-1" } } });
    expect((await nodesOverview({ ...deps, cfg }, times)).selector).toEqual({ job: "node-exporter", cluster: "eu-1" });
  });

  it("passes staleness through", async () => {
    const { deps } = fakeUpstream({ kubernetes: false, stale: true });
    expect(await nodesOverview(deps, times)).toMatchObject({ stale: true, ageSeconds: 42 });
  });
});

describe("nodesOverview with the upstream unreachable", () => {
  it("rejects once, leaving no query's rejection unhandled (vitest fails the run on one)", async () => {
    const { deps } = fakeUpstream({ kubernetes: true });
    const down = () => Promise.reject(new UpstreamError("network", "connection refused"));
    const upstream = { ...deps.upstream, instant: down, range: down, metricNames: down };
    const answer = nodesOverview({ ...deps, upstream }, times);
    await expect(answer).rejects.toThrow(UpstreamError);
    await expect(answer).rejects.toThrow("connection refused");
    // Rejections are reported as unhandled once the microtask queue is empty: give them that turn.
    await new Promise((r) => setTimeout(r, 10));
  });
});
