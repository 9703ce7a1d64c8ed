import { describe, expect, it } from "vitest";
import type { NodesResponse } from "@/lib/model/node-types";
import { api, promQuery, stack } from "./helpers";

const DISK = "(/dev/)?(mmcblk.p.+|nvme.+|rbd.+|sd.+|vd.+|xvd.+|dm-.+|md.+|dasd.+)";

/** The node-exporter mixin's USE definitions (issue 5), written out here independently of lib/promql. */
function definitions(instance: string, w: string): Record<string, string> {
  const sel = `job="node",instance="${instance}"`;
  return {
    "cpu.utilization": `1 - avg(sum by (cpu) (rate(node_cpu_seconds_total{${sel},mode=~"idle|iowait|steal"}[${w}])))`,
    "cpu.saturation": `sum(node_load1{${sel}}) / count(node_cpu_seconds_total{${sel},mode="idle"})`,
    "memory.utilization": `1 - sum(node_memory_MemAvailable_bytes{${sel}}) / sum(node_memory_MemTotal_bytes{${sel}})`,
    "memory.saturation": `sum(rate(node_vmstat_pgmajfault{${sel}}[${w}]))`,
    "disk.utilization": `max(rate(node_disk_io_time_seconds_total{${sel},device=~"${DISK}"}[${w}]))`,
    "disk.saturation": `max(rate(node_disk_io_time_weighted_seconds_total{${sel},device=~"${DISK}"}[${w}]))`,
    "network.receiveBytesPerSecond": `sum(rate(node_network_receive_bytes_total{${sel},device!="lo"}[${w}]))`,
    "network.transmitBytesPerSecond": `sum(rate(node_network_transmit_bytes_total{${sel},device!="lo"}[${w}]))`,
    "network.errorsPerSecond": `sum(rate(node_network_receive_errs_total{${sel},device!="lo"}[${w}])) + sum(rate(node_network_transmit_errs_total{${sel},device!="lo"}[${w}])) + sum(rate(node_network_receive_drop_total{${sel},device!="lo"}[${w}])) + sum(rate(node_network_transmit_drop_total{${sel},device!="lo"}[${w}]))`,
  };
}

function field(node: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], node);
}

describe("GET /api/v1/nodes against the real node_exporter", () => {
  it("equals the mixin's USE definitions evaluated by Prometheus at the same instant, field by field", async () => {
    const instance = stack().nodeExporterInstance;
    const at = Math.floor(Date.now() / 1000) - 10;
    const { status, body } = await api<NodesResponse>(`/api/v1/nodes?at=${at}`);
    expect(status).toBe(200);
    expect(body.stale).toBe(false);
    const node = body.nodes.find((n) => n.instance === instance);
    expect(node, `node ${instance}`).toBeDefined();
    if (!node) return;
    expect(node.up).toBe(true);
    for (const [path, query] of Object.entries(definitions(instance, `${body.window}s`))) {
      const [reference] = await promQuery(query, body.at);
      const ours = field(node as unknown as Record<string, unknown>, path);
      if (!reference) expect(ours, path).toBeNull();
      else expect(ours, path).toBeCloseTo(Number(reference.value[1]), 6);
    }
    expect(node.cpu.utilization).toBeGreaterThanOrEqual(0);
    expect(node.cpu.utilization).toBeLessThanOrEqual(1);
    expect(node.filesystems.some((f) => f.mountpoint === "/")).toBe(true);
  });

  it("maps the simulated Kubernetes node to this machine's node_exporter and lists the cluster's health", async () => {
    const { body } = await api<NodesResponse>("/api/v1/nodes");
    const mapped = body.nodes.find((n) => n.instance === stack().nodeExporterInstance);
    expect(mapped?.name).toBe("sim-node-a");
    expect(body.kubernetes?.nodes.map((n) => n.node).sort()).toEqual(["sim-node-a", "sim-node-b", "sim-node-c"]);
    expect(body.kubernetes?.unavailableDeployments.length).toBeGreaterThan(0);
  });
});
