// Simulated Kubernetes: kube-state-metrics (/metrics) and kubelet cAdvisor (/metrics/cadvisor)
// series with the real names and labels, for a 3-node cluster labelled cluster="simulated".
// Usage: node --import tsx demo/k8s-sim.ts --port 9131 --control-url http://127.0.0.1:9109
import { parseArgs } from "node:util";
import { Exposition, serveExposition, type Labels, type Sample } from "./exposition";
import { pollIncidents } from "./incidents";
import { simDeployments, simNodes, simPods, type SimContainer, type SimPod } from "./k8s-cluster";
import { normal } from "./random";

const cluster = "simulated";
const CRASH_EVERY_SECONDS = 150; // "slowly": a restart every two and a half minutes
const CFS_PERIODS_PER_SECOND = 10; // the default 100 ms CFS period

let notReady = new Set<string>();
const started = Date.now();

interface Usage {
  cpuSeconds: number;
  periods: number;
  throttled: number;
  memory: number;
}
const usage = new Map<string, Usage>();
const key = (pod: SimPod, c: SimContainer) => `${pod.namespace}/${pod.name}/${c.name}`;

/** Advances every container's counters by dt seconds; usage wanders around its typical value. */
function advance(dt: number): void {
  const t = (Date.now() - started) / 1000;
  for (const pod of simPods) {
    pod.containers.forEach((c, i) => {
      const u = usage.get(key(pod, c)) ?? { cpuSeconds: 0, periods: 0, throttled: 0, memory: c.memory };
      const phase = pod.name.length + i;
      const wave = 1 + 0.3 * Math.sin(t / 90 + phase) + 0.1 * normal();
      const demand = Math.max(0.0005, c.cpuUsage * (pod.crashLooping ? 0.2 : wave));
      const cpu = c.limit ? Math.min(demand, c.limit.cpu) : demand;
      u.cpuSeconds += cpu * dt;
      if (c.limit) {
        u.periods += CFS_PERIODS_PER_SECOND * dt;
        // Periods get throttled as demand nears the quota.
        u.throttled += CFS_PERIODS_PER_SECOND * dt * Math.min(1, Math.max(0, (demand / c.limit.cpu - 0.6) / 0.5));
      }
      u.memory = c.memory * (1 + 0.05 * Math.sin(t / 300 + phase)) + 1024 * 1024 * normal();
      usage.set(key(pod, c), u);
    });
  }
}

const ready = (nodeName: string) => !notReady.has(nodeName);
const podAvailable = (pod: SimPod) => !pod.crashLooping && ready(pod.node.name);

function* resources(kind: "request" | "limit"): Generator<Sample> {
  for (const pod of simPods) {
    for (const c of pod.containers) {
      const r = kind === "request" ? c.request : c.limit;
      if (!r) continue;
      const labels = { cluster, namespace: pod.namespace, pod: pod.name, container: c.name, node: pod.node.name };
      yield [{ ...labels, resource: "cpu", unit: "core" }, r.cpu];
      yield [{ ...labels, resource: "memory", unit: "byte" }, r.memory];
    }
  }
}

function nodeResources(allocatable: boolean): Sample[] {
  return simNodes.flatMap(
    (n) =>
      [
        [{ cluster, node: n.name, resource: "pods", unit: "integer" }, 110],
        [{ cluster, node: n.name, resource: "cpu", unit: "core" }, allocatable ? n.cpu - 0.1 : n.cpu],
        [
          { cluster, node: n.name, resource: "memory", unit: "byte" },
          allocatable ? n.memory - 512 * 1024 * 1024 : n.memory,
        ],
      ] as Sample[],
  );
}

function kubeStateMetrics(): string {
  const out = new Exposition();
  const deployments = simDeployments.map((d) => {
    const pods = simPods.filter((p) => p.namespace === d.namespace && p.deployment === d.name);
    const available = pods.filter(podAvailable).length;
    return { labels: { cluster, namespace: d.namespace, deployment: d.name }, spec: d.replicas, available };
  });
  const restarts = (pod: SimPod) =>
    pod.crashLooping ? 7 + Math.floor((Date.now() - started) / 1000 / CRASH_EVERY_SECONDS) : 0;
  out
    .family(
      "kube_node_info",
      "gauge",
      "Information about a cluster node.",
      simNodes.map(
        (n) =>
          [
            {
              cluster,
              node: n.name,
              internal_ip: n.ip,
              kernel_version: n.kernel,
              os_image: "Debian GNU/Linux 12 (bookworm)",
              kubelet_version: "v1.30.4",
              container_runtime_version: "containerd://1.7.20",
              provider_id: `simulated://${n.name}`,
            },
            1,
          ] as Sample,
      ),
    )
    .family(
      "kube_node_status_condition",
      "gauge",
      "The condition of a cluster node.",
      simNodes.flatMap((n) =>
        ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"].flatMap((condition) => {
          const actual = condition === "Ready" ? String(ready(n.name)) : "false";
          return ["true", "false", "unknown"].map(
            (status) => [{ cluster, node: n.name, condition, status }, status === actual ? 1 : 0] as Sample,
          );
        }),
      ),
    )
    .family(
      "kube_node_status_capacity",
      "gauge",
      "The capacity for different resources of a node.",
      nodeResources(false),
    )
    .family(
      "kube_node_status_allocatable",
      "gauge",
      "The allocatable for different resources of a node that are available for scheduling.",
      nodeResources(true),
    )
    .family(
      "kube_pod_info",
      "gauge",
      "Information about pod.",
      simPods.map(
        (p) =>
          [
            {
              cluster,
              namespace: p.namespace,
              pod: p.name,
              uid: p.uid,
              node: p.node.name,
              host_ip: p.node.ip,
              pod_ip: p.ip,
              created_by_kind: "ReplicaSet",
              created_by_name: p.replicaSet,
              priority_class: "",
              host_network: "false",
            },
            1,
          ] as Sample,
      ),
    )
    .family(
      "kube_pod_container_resource_requests",
      "gauge",
      "The number of requested request resource by a container.",
      resources("request"),
    )
    .family(
      "kube_pod_container_resource_limits",
      "gauge",
      "The number of requested limit resource by a container.",
      resources("limit"),
    )
    .family(
      "kube_pod_container_status_restarts_total",
      "counter",
      "The number of container restarts per container.",
      simPods.flatMap((p) =>
        p.containers.map(
          (c) =>
            [{ cluster, namespace: p.namespace, pod: p.name, container: c.name, uid: p.uid }, restarts(p)] as Sample,
        ),
      ),
    )
    .family(
      "kube_deployment_spec_replicas",
      "gauge",
      "Number of desired pods for a deployment.",
      deployments.map((d) => [d.labels, d.spec] as Sample),
    )
    .family(
      "kube_deployment_status_replicas",
      "gauge",
      "The number of replicas per deployment.",
      deployments.map((d) => [d.labels, d.spec] as Sample),
    )
    .family(
      "kube_deployment_status_replicas_available",
      "gauge",
      "The number of available replicas per deployment.",
      deployments.map((d) => [d.labels, d.available] as Sample),
    )
    .family(
      "kube_deployment_status_replicas_unavailable",
      "gauge",
      "The number of unavailable replicas per deployment.",
      deployments.map((d) => [d.labels, d.spec - d.available] as Sample),
    );
  return out.text();
}

function cadvisor(): string {
  const cpu: Sample[] = [];
  const memory: Sample[] = [];
  const periods: Sample[] = [];
  const throttled: Sample[] = [];
  // A kubelet on a not-ready node does not answer, so its containers' series vanish.
  for (const pod of simPods.filter((p) => ready(p.node.name))) {
    const podCgroup = `/kubepods/burstable/pod${pod.uid}`;
    const podLabels: Labels = { cluster, namespace: pod.namespace, pod: pod.name, node: pod.node.name };
    let podCpu = 0;
    let podMemory = 0;
    for (const c of pod.containers) {
      const u = usage.get(key(pod, c));
      if (!u) continue;
      const labels = {
        ...podLabels,
        container: c.name,
        image: c.image,
        name: `k8s_${c.name}_${pod.name}`,
        id: `${podCgroup}/${c.name}`,
      };
      cpu.push([labels, u.cpuSeconds]);
      memory.push([labels, Math.round(u.memory)]);
      if (c.limit) {
        periods.push([labels, Math.floor(u.periods)]);
        throttled.push([labels, Math.floor(u.throttled)]);
      }
      podCpu += u.cpuSeconds;
      podMemory += u.memory;
    }
    // The pod's own cgroup, as cAdvisor reports it: container="" (dashboards must filter it out).
    const podSeries = { ...podLabels, container: "", image: "", name: "", id: podCgroup };
    cpu.push([podSeries, podCpu]);
    memory.push([podSeries, Math.round(podMemory)]);
  }
  return new Exposition()
    .family("container_cpu_usage_seconds_total", "counter", "Cumulative cpu time consumed in seconds.", cpu)
    .family("container_memory_working_set_bytes", "gauge", "Current working set in bytes.", memory)
    .family("container_cpu_cfs_periods_total", "counter", "Number of elapsed enforcement period intervals.", periods)
    .family("container_cpu_cfs_throttled_periods_total", "counter", "Number of throttled period intervals.", throttled)
    .text();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string" }, "control-url": { type: "string" } } });
  const port = Number(values.port);
  advance(0);
  setInterval(() => advance(1), 1000);
  if (values["control-url"]) {
    pollIncidents(values["control-url"], (incidents) => {
      notReady = new Set(incidents.flatMap((i) => (i.kind === "node-not-ready" && i.node ? [i.node] : [])));
    });
  }
  await serveExposition(port, { "/metrics": kubeStateMetrics, "/metrics/cadvisor": cadvisor });
  console.log(`simulated Kubernetes exporter on 127.0.0.1:${port} (/metrics, /metrics/cadvisor)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
