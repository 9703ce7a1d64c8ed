import { cpus, release, totalmem } from "node:os";

// The simulated cluster's objects. sim-node-a stands for this machine: its internal_ip is
// 127.0.0.1 and its capacity is the real one, so dashboards can join it to the real node_exporter.

export interface SimNode {
  name: string;
  ip: string;
  cpu: number; // cores
  memory: number; // bytes
  kernel: string;
}

export interface SimContainer {
  name: string;
  image: string;
  request: { cpu: number; memory: number };
  limit?: { cpu: number; memory: number };
  cpuUsage: number; // typical cores in use
  memory: number; // typical working set, bytes
}

export interface SimPod {
  namespace: string;
  name: string;
  deployment: string;
  replicaSet: string;
  node: SimNode;
  ip: string;
  uid: string;
  containers: SimContainer[];
  crashLooping: boolean;
}

export interface SimDeployment {
  namespace: string;
  name: string;
  replicas: number;
}

const Mi = 1024 * 1024;
const Gi = 1024 * Mi;

export const simNodes: SimNode[] = [
  { name: "sim-node-a", ip: "127.0.0.1", cpu: cpus().length, memory: totalmem(), kernel: release() },
  { name: "sim-node-b", ip: "10.0.0.12", cpu: 4, memory: 16 * Gi, kernel: "6.1.0-28-amd64" },
  { name: "sim-node-c", ip: "10.0.0.13", cpu: 4, memory: 16 * Gi, kernel: "6.1.0-28-amd64" },
];

/** Deterministic lowercase-alphanumeric "hash", so pod names are stable across restarts. */
function suffix(seed: string, length: number): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  let h = 2166136261; // FNV-1a over the whole seed first, so seeds with a common prefix differ
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let out = "";
  while (out.length < length) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

function container(name: string, cpu: number, memoryMi: number, usage: number, limit = true): SimContainer {
  return {
    name,
    image: `registry.example/${name}:1.4.2`,
    request: { cpu, memory: memoryMi * Mi },
    ...(limit ? { limit: { cpu: cpu * 2, memory: memoryMi * 2 * Mi } } : {}),
    cpuUsage: usage,
    memory: memoryMi * 0.8 * Mi,
  };
}

interface DeploymentSpec extends SimDeployment {
  containers: SimContainer[];
}

const deploymentSpecs: DeploymentSpec[] = [
  { namespace: "shop", name: "frontend", replicas: 2, containers: [container("frontend", 0.2, 256, 0.08)] },
  { namespace: "shop", name: "catalog", replicas: 1, containers: [container("catalog", 0.1, 192, 0.05)] },
  { namespace: "shop", name: "cart", replicas: 1, containers: [container("cart", 0.1, 128, 0.03)] },
  { namespace: "shop", name: "checkout", replicas: 2, containers: [container("checkout", 0.2, 256, 0.06)] },
  // payments runs close to its CPU limit, so it is throttled: something for the USE views to find.
  { namespace: "shop", name: "payments", replicas: 1, containers: [container("payments", 0.1, 192, 0.18)] },
  { namespace: "shop", name: "inventory", replicas: 1, containers: [container("inventory", 0.1, 128, 0.02)] },
  {
    namespace: "shop",
    name: "recommendations",
    replicas: 2,
    containers: [container("recommendations", 0.25, 512, 0.1)],
  },
  { namespace: "kube-system", name: "coredns", replicas: 2, containers: [container("coredns", 0.1, 70, 0.01)] },
  {
    namespace: "monitoring",
    name: "prometheus",
    replicas: 1,
    containers: [container("prometheus", 0.5, 2048, 0.15, false), container("config-reloader", 0.01, 16, 0.001)],
  },
];

export const simDeployments: SimDeployment[] = deploymentSpecs.map(({ namespace, name, replicas }) => ({
  namespace,
  name,
  replicas,
}));

function buildPods(): SimPod[] {
  const pods: SimPod[] = [];
  const perNode = new Map<string, number>();
  for (const d of deploymentSpecs) {
    const replicaSet = `${d.name}-${suffix(d.name, 10)}`;
    for (let r = 0; r < d.replicas; r++) {
      const node = simNodes[pods.length % simNodes.length] ?? simNodes[0]!;
      const n = (perNode.get(node.name) ?? 0) + 1;
      perNode.set(node.name, n);
      const nodeIndex = simNodes.indexOf(node);
      pods.push({
        namespace: d.namespace,
        name: `${replicaSet}-${suffix(`${d.name}${r}`, 5)}`,
        deployment: d.name,
        replicaSet,
        node,
        ip: `10.244.${nodeIndex}.${10 + n}`,
        uid: `${suffix(`${d.name}${r}uid`, 8)}-${suffix(`${d.name}${r}u2`, 4)}`,
        containers: d.containers,
        // One replica of recommendations crash-loops: the deployment has 1 unavailable replica.
        crashLooping: d.name === "recommendations" && r === 1,
      });
    }
  }
  return pods;
}

export const simPods = buildPods();
