import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { NotFoundError } from "@/lib/errors";
import { A, B, fakeUpstream, times, USE } from "@/lib/testing/fake-node-upstream";
import { nodeDetail, resolveNode } from "./node-detail";
import { assembleNodes, nodesOverview, parseUseSignals } from "./nodes";

describe("nodeDetail", () => {
  it("finds a node by instance and filters its queries to that instance", async () => {
    const { deps, calls } = fakeUpstream({ kubernetes: true });
    const r = await nodeDetail(deps, times, A);
    expect(r.name).toBe("sim-node-a");
    expect(r.step).toBe(15);
    expect(r.node?.filesystems.map((f) => f.mountpoint)).toEqual(["/", "/data"]);
    expect(r.series.cpu.utilization).toEqual([
      [960, 0.1],
      [975, 0.2],
    ]);
    expect(r.series.memory.utilization).toEqual([]);
    const range = calls.find((c) => c.startsWith("range"));
    expect(range).toContain('up{job="node",instance="127.0.0.1:9100"}');
    expect(range).not.toContain("node_uname_info");
  });

  it("finds a node by its Kubernetes name", async () => {
    const { deps } = fakeUpstream({ kubernetes: true });
    expect((await nodeDetail(deps, times, "sim-node-a")).node?.instance).toBe(A);
  });

  it("answers a Kubernetes node without node_exporter with its Kubernetes view and empty series", async () => {
    const { deps, calls } = fakeUpstream({ kubernetes: true });
    const r = await nodeDetail(deps, times, "sim-node-b");
    expect(r.node).toBeNull();
    expect(r.kubernetes?.ready).toBe(false);
    expect(r.series.cpu.utilization).toEqual([]);
    expect(calls.some((c) => c.startsWith("range"))).toBe(false);
  });

  it("answers the configured node selector, for a Kubernetes node without node_exporter too", async () => {
    const { deps } = fakeUpstream({ kubernetes: true });
    const cfg = configSchema.parse({ nodes: { selector: { job: "node-exporter", cluster: "eu-1" } } });
    expect((await nodeDetail({ ...deps, cfg }, times, "sim-node-b")).selector).toEqual({
      job: "node-exporter",
      cluster: "eu-1",
    });
    expect((await nodeDetail(deps, times, A)).selector).toEqual({ job: "node" });
  });

  it("throws NotFoundError node_not_found for an unknown name", async () => {
    const { deps } = fakeUpstream({ kubernetes: false });
    await expect(nodeDetail(deps, times, "nope:9100")).rejects.toThrow(NotFoundError);
    await expect(nodeDetail(deps, times, "nope:9100")).rejects.toMatchObject({ code: "node_not_found", param: "name" });
  });

  it("answers an unknown name from the overview's own queries, none of which carries the name", async () => {
    for (const kubernetes of [false, true]) {
      const overview = fakeUpstream({ kubernetes });
      await nodesOverview(overview.deps, times);
      const detail = fakeUpstream({ kubernetes });
      const name = 'ghost"} or vector(1) #';
      const error: unknown = await nodeDetail(detail.deps, times, name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ code: "node_not_found" });
      expect(detail.calls.length).toBeGreaterThan(0);
      expect(detail.calls.filter((c) => !overview.calls.includes(c))).toEqual([]);
      expect(detail.calls.filter((c) => c.includes("ghost") || c.includes("vector(1)"))).toEqual([]);
    }
  });
});

describe("resolveNode", () => {
  it("prefers the instance, then the Kubernetes name", () => {
    const k8s = { nodes: [], internalIps: new Map<string, string>() };
    const { nodes } = assembleNodes(parseUseSignals(USE), new Map(), k8s);
    expect(resolveNode(nodes, [], B)?.summary?.instance).toBe(B);
    expect(resolveNode(nodes, [], "db-1")).toBeNull();
  });
});
