// Shared by the server (lib/signals/nodes.ts) and the browser (lib/ui/node-rows.ts, for Kubernetes
// nodes without node_exporter), so it imports nothing server-side.
// Node status thresholds are named constants here rather than configuration: they follow the
// node-exporter mixin's and common USE practice, and one set keeps every deployment's colours alike.

import { NODE_STATUS_ORDER, type NodeStatus } from "@/lib/model/node-types";

/** CPU, memory or disk utilization at or above this is "saturated". */
export const SATURATED_UTILIZATION = 0.9;
/** CPU, memory or disk utilization at or above this is "busy". */
export const BUSY_UTILIZATION = 0.7;
/** Load per CPU at or above this (runnable tasks wait for a CPU) is "saturated". */
export const SATURATED_LOAD_PER_CPU = 1;
/** A filesystem used this much is "saturated" (the mixin's NodeFilesystemAlmostOutOfSpace: 5 % left). */
export const FILESYSTEM_FULL_RATIO = 0.95;
/**
 * A filesystem that is already this full and fills within FILLS_WITHIN_SECONDS is "busy"
 * (the mixin's NodeFilesystemSpaceFillingUp: under 40 % left and full within 24 h).
 */
export const FILLING_USED_RATIO = 0.6;
export const FILLS_WITHIN_SECONDS = 86_400;
/** Kubernetes conditions that mean a resource of the node is exhausted when "true". */
export const PRESSURE_CONDITIONS = ["MemoryPressure", "DiskPressure", "PIDPressure"] as const;

export interface NodeStatusInput {
  /** null where the node has no node_exporter (a Kubernetes node only). */
  up: boolean | null;
  cpu: { utilization: number | null; saturation: number | null };
  memory: { utilization: number | null };
  disk: { utilization: number | null };
  filesystems: { mountpoint: string; usedRatio: number | null; timeToFullSeconds: number | null }[];
  /** Kubernetes node conditions, where the node is a Kubernetes node. */
  conditions?: { condition: string; status: string }[];
}

export interface NodeVerdict {
  status: NodeStatus;
  /** Why, in words a person reads on the row: "CPU 93 % ≥ 90 %". */
  reasons: string[];
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

function duration(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

/** Whether the node's Kubernetes Ready condition is other than "true" (unknown counts as not ready). */
export function isNotReady(conditions: NodeStatusInput["conditions"]): boolean {
  if (!conditions) return false;
  return conditions.find((c) => c.condition === "Ready")?.status !== "true";
}

/**
 * down when node_exporter does not answer or Kubernetes says NotReady; saturated at ≥ 90 %
 * utilization, load per CPU ≥ 1, a nearly full filesystem or a pressure condition; busy at ≥ 70 %
 * or a filesystem filling within a day; ok otherwise.
 */
export function classifyNode(n: NodeStatusInput): NodeVerdict {
  const down: string[] = [];
  if (n.up === false) down.push("node_exporter down");
  if (isNotReady(n.conditions)) down.push("NotReady");
  if (down.length) return { status: "down", reasons: down };

  const saturated: string[] = [];
  const busy: string[] = [];
  const utilization = (value: number | null, label: string) => {
    if (value === null) return;
    if (value >= SATURATED_UTILIZATION) saturated.push(`${label} ${pct(value)} ≥ ${pct(SATURATED_UTILIZATION)}`);
    else if (value >= BUSY_UTILIZATION) busy.push(`${label} ${pct(value)} ≥ ${pct(BUSY_UTILIZATION)}`);
  };
  utilization(n.cpu.utilization, "CPU");
  utilization(n.memory.utilization, "memory");
  utilization(n.disk.utilization, "disk busy");
  const load = n.cpu.saturation;
  if (load !== null && load >= SATURATED_LOAD_PER_CPU)
    saturated.push(`load per CPU ${load.toFixed(2)} ≥ ${SATURATED_LOAD_PER_CPU}`);
  for (const fs of n.filesystems) {
    if (fs.usedRatio === null) continue;
    if (fs.usedRatio >= FILESYSTEM_FULL_RATIO) saturated.push(`${fs.mountpoint} ${pct(fs.usedRatio)} full`);
    else if (
      fs.usedRatio >= FILLING_USED_RATIO &&
      fs.timeToFullSeconds !== null &&
      fs.timeToFullSeconds < FILLS_WITHIN_SECONDS
    ) {
      busy.push(`${fs.mountpoint} full in ${duration(fs.timeToFullSeconds)}`);
    }
  }
  for (const c of n.conditions ?? []) {
    if ((PRESSURE_CONDITIONS as readonly string[]).includes(c.condition) && c.status === "true")
      saturated.push(c.condition);
  }
  if (saturated.length) return { status: "saturated", reasons: [...saturated, ...busy] };
  if (busy.length) return { status: "busy", reasons: busy };
  return { status: "ok", reasons: [] };
}

export interface NodeSortInput {
  name: string;
  up: boolean | null;
  status: NodeStatus;
  statusReasons: string[];
  cpu: { utilization: number | null };
  memory: { utilization: number | null };
  disk: { utilization: number | null };
}

/** The highest of CPU, memory and disk utilization, or null when none is known. */
export function maxUtilization(n: Pick<NodeSortInput, "cpu" | "memory" | "disk">): number | null {
  const values = [n.cpu.utilization, n.memory.utilization, n.disk.utilization].filter((v): v is number => v !== null);
  return values.length ? Math.max(...values) : null;
}

function rank(n: NodeSortInput): number {
  if (n.up === false) return 0;
  if (n.statusReasons.includes("NotReady")) return 1;
  return 1 + NODE_STATUS_ORDER.indexOf(n.status);
}

/** Worst first: node_exporter down, NotReady, saturated, busy, ok; then by highest utilization, then name. */
export function compareNodes(a: NodeSortInput, b: NodeSortInput): number {
  return rank(a) - rank(b) || (maxUtilization(b) ?? -1) - (maxUtilization(a) ?? -1) || a.name.localeCompare(b.name);
}
