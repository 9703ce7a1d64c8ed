import { describe, expect, it } from "vitest";
import {
  kubeAllocatable,
  kubeContainerRestarts,
  kubeCpuThrottling,
  kubeDesiredReplicasOfUnavailable,
  kubeNodeConditions,
  kubeNodeInfo,
  kubePodCapacity,
  kubePodsPerNode,
  kubeResourceLimits,
  kubeResourceRequests,
  kubernetesNodeSignals,
  kubernetesWorkloadSignals,
  kubeUnavailableDeployments,
} from "./kubernetes";

describe("Kubernetes node queries", () => {
  it("node info and conditions", () => {
    expect(kubeNodeInfo()).toBe("max by (node, internal_ip) (kube_node_info)");
    expect(kubeNodeConditions()).toBe("max by (node, condition, status) (kube_node_status_condition) == 1");
  });

  it("pods against capacity", () => {
    expect(kubePodsPerNode()).toBe('count by (node) (kube_pod_info{node!=""})');
    expect(kubePodCapacity()).toBe('max by (node) (kube_node_status_capacity{resource="pods"})');
  });

  it("requests and limits against allocatable", () => {
    expect(kubeResourceRequests()).toBe(
      'sum by (node, resource) (kube_pod_container_resource_requests{resource=~"cpu|memory"})',
    );
    expect(kubeResourceLimits()).toBe(
      'sum by (node, resource) (kube_pod_container_resource_limits{resource=~"cpu|memory"})',
    );
    expect(kubeAllocatable()).toBe('max by (node, resource) (kube_node_status_allocatable{resource=~"cpu|memory"})');
  });

  it("all node values in one query", () => {
    expect(kubernetesNodeSignals()).toBe(
      '(label_replace(max by (node, internal_ip) (kube_node_info), "signal", "info", "", ""))' +
        ' or (label_replace(max by (node, condition, status) (kube_node_status_condition) == 1, "signal", "condition", "", ""))' +
        ' or (label_replace(count by (node) (kube_pod_info{node!=""}), "signal", "pods", "", ""))' +
        ' or (label_replace(max by (node) (kube_node_status_capacity{resource="pods"}), "signal", "pod_capacity", "", ""))' +
        ' or (label_replace(sum by (node, resource) (kube_pod_container_resource_requests{resource=~"cpu|memory"}), "signal", "requests", "", ""))' +
        ' or (label_replace(sum by (node, resource) (kube_pod_container_resource_limits{resource=~"cpu|memory"}), "signal", "limits", "", ""))' +
        ' or (label_replace(max by (node, resource) (kube_node_status_allocatable{resource=~"cpu|memory"}), "signal", "allocatable", "", ""))',
    );
  });
});

describe("Kubernetes workload queries", () => {
  it("restarts over the range, top N", () => {
    expect(kubeContainerRestarts(3600, 10)).toBe(
      "topk(10, sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total[1h])) > 0)",
    );
    expect(kubeContainerRestarts(5400, 5)).toBe(
      "topk(5, sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total[90m])) > 0)",
    );
  });

  it("unavailable deployments and their desired replicas", () => {
    expect(kubeUnavailableDeployments(10)).toBe(
      "topk(10, max by (namespace, deployment) (kube_deployment_status_replicas_unavailable) > 0)",
    );
    expect(kubeDesiredReplicasOfUnavailable(10)).toBe(
      "max by (namespace, deployment) (kube_deployment_spec_replicas) and on (namespace, deployment) topk(10, max by (namespace, deployment) (kube_deployment_status_replicas_unavailable) > 0)",
    );
  });

  it("CPU throttling without the pod-level cgroup", () => {
    expect(kubeCpuThrottling(60, 10)).toBe(
      'topk(10, sum by (namespace, pod) (rate(container_cpu_cfs_throttled_periods_total{container!=""}[1m])) / sum by (namespace, pod) (rate(container_cpu_cfs_periods_total{container!=""}[1m])) > 0)',
    );
  });

  it("all workload values in one query", () => {
    expect(kubernetesWorkloadSignals({ window: 60, rangeSeconds: 3600, top: 10 })).toBe(
      '(label_replace(topk(10, sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total[1h])) > 0), "signal", "restarts", "", ""))' +
        ' or (label_replace(topk(10, max by (namespace, deployment) (kube_deployment_status_replicas_unavailable) > 0), "signal", "unavailable", "", ""))' +
        ' or (label_replace(max by (namespace, deployment) (kube_deployment_spec_replicas) and on (namespace, deployment) topk(10, max by (namespace, deployment) (kube_deployment_status_replicas_unavailable) > 0), "signal", "desired", "", ""))' +
        ' or (label_replace(topk(10, sum by (namespace, pod) (rate(container_cpu_cfs_throttled_periods_total{container!=""}[1m])) / sum by (namespace, pod) (rate(container_cpu_cfs_periods_total{container!=""}[1m])) > 0), "signal", "throttling", "", ""))',
    );
  });
});
