import { formatDuration } from "@/lib/time/parse-time";
import { SIGNAL } from "./use";
import { anyOf, setLabel } from "./labels";

// Kubernetes health from kube-state-metrics (kube_*) and the kubelet's cAdvisor (container_*), with
// the metric and label names those exporters use. Aggregated by node or by namespace and pod, with
// topk where the list could grow with the cluster, so the query count stays fixed.

/** The metric whose presence says kube-state-metrics is scraped. */
export const KUBE_STATE_METRIC = "kube_node_info";

/** Values of the `signal` label in `kubernetesNodeSignals`. */
export const K8S_NODE_SIGNAL = {
  info: "info",
  condition: "condition",
  pods: "pods",
  podCapacity: "pod_capacity",
  requests: "requests",
  limits: "limits",
  allocatable: "allocatable",
} as const;

/** Values of the `signal` label in `kubernetesWorkloadSignals`. */
export const K8S_WORKLOAD_SIGNAL = {
  restarts: "restarts",
  unavailable: "unavailable",
  desired: "desired",
  throttling: "throttling",
} as const;

/** Each node's internal IP (value 1, `internal_ip` label), to map it to a node_exporter instance. */
export function kubeNodeInfo(): string {
  return "max by (node, internal_ip) (kube_node_info)";
}

/**
 * The current status ("true", "false", "unknown") of each node condition. kube-state-metrics writes
 * one series per status with value 1 on the current one; keeping the 1s keeps "unknown" apart from "false".
 */
export function kubeNodeConditions(): string {
  return "max by (node, condition, status) (kube_node_status_condition) == 1";
}

/** Pods scheduled on each node (pending pods without a node are left out). */
export function kubePodsPerNode(): string {
  return 'count by (node) (kube_pod_info{node!=""})';
}

/** How many pods each node accepts. */
export function kubePodCapacity(): string {
  return 'max by (node) (kube_node_status_capacity{resource="pods"})';
}

/** CPU (cores) and memory (bytes) requested by the containers on each node. */
export function kubeResourceRequests(): string {
  return 'sum by (node, resource) (kube_pod_container_resource_requests{resource=~"cpu|memory"})';
}

/** CPU (cores) and memory (bytes) limits of the containers on each node. */
export function kubeResourceLimits(): string {
  return 'sum by (node, resource) (kube_pod_container_resource_limits{resource=~"cpu|memory"})';
}

/** CPU (cores) and memory (bytes) each node offers to pods. */
export function kubeAllocatable(): string {
  return 'max by (node, resource) (kube_node_status_allocatable{resource=~"cpu|memory"})';
}

/** Every per-node Kubernetes value in one query, told apart by `signal` (see K8S_NODE_SIGNAL). */
export function kubernetesNodeSignals(): string {
  const s = K8S_NODE_SIGNAL;
  return anyOf([
    setLabel(kubeNodeInfo(), SIGNAL, s.info),
    setLabel(kubeNodeConditions(), SIGNAL, s.condition),
    setLabel(kubePodsPerNode(), SIGNAL, s.pods),
    setLabel(kubePodCapacity(), SIGNAL, s.podCapacity),
    setLabel(kubeResourceRequests(), SIGNAL, s.requests),
    setLabel(kubeResourceLimits(), SIGNAL, s.limits),
    setLabel(kubeAllocatable(), SIGNAL, s.allocatable),
  ]);
}

/** The `top` pods with the most container restarts in the last `rangeSeconds`, only those that restarted. */
export function kubeContainerRestarts(rangeSeconds: number, top: number): string {
  return `topk(${top}, sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total[${formatDuration(rangeSeconds)}])) > 0)`;
}

/** The `top` deployments with the most unavailable replicas, and how many. */
export function kubeUnavailableDeployments(top: number): string {
  return `topk(${top}, max by (namespace, deployment) (kube_deployment_status_replicas_unavailable) > 0)`;
}

/** Desired replicas of the deployments `kubeUnavailableDeployments` lists. */
export function kubeDesiredReplicasOfUnavailable(top: number): string {
  return `max by (namespace, deployment) (kube_deployment_spec_replicas) and on (namespace, deployment) ${kubeUnavailableDeployments(top)}`;
}

/**
 * Share of CFS periods in which each pod was throttled, 0..1, for the `top` most throttled pods.
 * `container!=""` leaves out cAdvisor's pod-level cgroup, which would count every period twice.
 */
export function kubeCpuThrottling(window: number, top: number): string {
  const w = formatDuration(window);
  return `topk(${top}, sum by (namespace, pod) (rate(container_cpu_cfs_throttled_periods_total{container!=""}[${w}])) / sum by (namespace, pod) (rate(container_cpu_cfs_periods_total{container!=""}[${w}])) > 0)`;
}

/** Restarts, unavailable deployments and throttling in one query, told apart by `signal` (see K8S_WORKLOAD_SIGNAL). */
export function kubernetesWorkloadSignals(opts: { window: number; rangeSeconds: number; top: number }): string {
  const s = K8S_WORKLOAD_SIGNAL;
  return anyOf([
    setLabel(kubeContainerRestarts(opts.rangeSeconds, opts.top), SIGNAL, s.restarts),
    setLabel(kubeUnavailableDeployments(opts.top), SIGNAL, s.unavailable),
    setLabel(kubeDesiredReplicasOfUnavailable(opts.top), SIGNAL, s.desired),
    setLabel(kubeCpuThrottling(opts.window, opts.top), SIGNAL, s.throttling),
  ]);
}
