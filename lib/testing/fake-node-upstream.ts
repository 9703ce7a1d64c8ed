// Canned node_exporter, filesystem and Kubernetes answers for the nodes signal tests.
import type { QueryTimes } from "@/lib/model/query-times";
import { configSchema } from "@/lib/config/schema";
import type { Cached } from "@/lib/prometheus/coalescing-cache";
import type { InstantSeries, RangeSeries, Result, Upstream } from "@/lib/prometheus/upstream";

export const s = (labels: Record<string, string>, value: number | null): InstantSeries => ({ labels, value });
const answer = <T>(data: T, stale = false): Cached<Result<T>> => ({
  value: { data, warnings: [] },
  stale,
  ageSeconds: stale ? 42 : 0,
  outcome: stale ? "stale" : "miss",
});

export const A = "127.0.0.1:9100";
export const B = "10.0.0.20:9100";
const exporterSeries = (instance: string, values: Record<string, number>, nodename?: string): InstantSeries[] => [
  ...Object.entries(values).map(([signal, v]) => s({ instance, signal }, v)),
  ...(nodename ? [s({ instance, signal: "uname", nodename }, 1)] : []),
];
export const USE = [
  ...exporterSeries(
    A,
    {
      up: 1,
      cpu_utilization: 0.2,
      cpu_saturation: 0.3,
      memory_utilization: 0.5,
      memory_saturation: 0,
      disk_utilization: 0.01,
      disk_saturation: 0.02,
      network_receive_bytes: 100,
      network_transmit_bytes: 50,
      network_errors: 0,
    },
    "vm",
  ),
  ...exporterSeries(B, { up: 1, cpu_utilization: 0.95, cpu_saturation: 1.2, memory_utilization: 0.3 }, "db-1"),
  ...exporterSeries("10.0.0.30:9100", { up: 0 }),
];
export const FS = [
  s({ instance: A, device: "/dev/vda", mountpoint: "/", signal: "fs_used_ratio" }, 0.69),
  s({ instance: A, device: "/dev/vda", mountpoint: "/", signal: "fs_time_to_full" }, 1e7),
  s({ instance: A, device: "/dev/vdb", mountpoint: "/data", signal: "fs_used_ratio" }, 0.1),
];
const K8S_NODES = [
  ...["sim-node-a", "sim-node-b", "sim-node-c"].map((node, i) =>
    s({ signal: "info", node, internal_ip: ["127.0.0.1", "10.0.0.12", "10.0.0.13"][i] ?? "" }, 1),
  ),
  s({ signal: "condition", node: "sim-node-a", condition: "Ready", status: "true" }, 1),
  s({ signal: "condition", node: "sim-node-b", condition: "Ready", status: "false" }, 1),
  s({ signal: "condition", node: "sim-node-c", condition: "Ready", status: "true" }, 1),
  s({ signal: "pods", node: "sim-node-a" }, 5),
];
const WORKLOADS = [s({ signal: "throttling", namespace: "shop", pod: "payments-1" }, 0.8)];

export const times: QueryTimes = {
  from: 1000,
  to: 4600,
  at: 4600,
  end: 4600,
  range: { start: 960, end: 4560, step: 15 },
  window: 60,
  currentWindow: 60,
};

/** An Upstream that answers the nodes queries from the canned series and records every call. */
export function fakeUpstream(opts: { kubernetes: boolean; stale?: boolean }) {
  const calls: string[] = [];
  const upstream: Upstream = {
    async instant(query) {
      calls.push(`instant ${query}`);
      if (query.includes('"fs_used_ratio"')) {
        const m = /instance="([^"]+)"/.exec(query);
        return answer(m ? FS.filter((f) => f.labels.instance === m[1]) : FS);
      }
      if (query.includes("node_uname_info")) return answer(USE, opts.stale);
      if (query.includes("kube_node_info")) return answer(K8S_NODES);
      if (query.includes("kube_pod_container_status_restarts_total")) return answer(WORKLOADS);
      throw new Error(`unexpected query ${query}`);
    },
    async range(query) {
      calls.push(`range ${query}`);
      const series: RangeSeries[] = [
        {
          labels: { instance: A, signal: "cpu_utilization" },
          points: [
            [960, 0.1],
            [975, 0.2],
          ],
        },
      ];
      return answer(series);
    },
    async metricNames() {
      calls.push("metricNames");
      return answer(opts.kubernetes ? ["up", "node_uname_info", "kube_node_info"] : ["up", "node_uname_info"]);
    },
    alerts: () => Promise.reject(new Error("unused")),
    rules: () => Promise.reject(new Error("unused")),
    buildInfo: () => Promise.reject(new Error("unused")),
  };
  return { upstream, calls, deps: { upstream, cfg: configSchema.parse({}) } };
}
