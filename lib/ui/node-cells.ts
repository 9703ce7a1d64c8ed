// The overview's node grid: what each resource cell of a node shows, how strongly it is coloured,
// and why it is marked. Pure, so the rules read and test apart from the rendering.
import type { NodeSummary } from "@/lib/model/node-types";
import { BUSY_UTILIZATION, SATURATED_LOAD_PER_CPU, SATURATED_UTILIZATION } from "@/lib/model/node-status";
import { formatPercent } from "./format";
import { formatBytesPerSecond, formatLoadPerCpu, formatPerSecond } from "./node-format";

/** The node-exporter mixin's NodeMemoryMajorPagesFaults threshold (memoryMajorPagesFaultsThreshold). */
export const SATURATED_MAJOR_FAULTS_PER_SECOND = 500;
/** The mixin's NodeDiskIOSaturation threshold (diskIOSaturationThreshold): an average IO queue of 10. */
export const SATURATED_DISK_QUEUE = 10;
/**
 * Upper bounds of the colour steps 0…3; step 4 is from SATURATED_UTILIZATION up. The top two
 * bounds are node-status's, so a cell changes colour where the node's status changes.
 */
export const UTILIZATION_STEPS = [0.25, 0.5, BUSY_UTILIZATION, SATURATED_UTILIZATION] as const;

export type Resource = "cpu" | "memory" | "disk" | "network";

export interface ResourceCell {
  resource: Resource;
  /** 0…4 on the sequential scale; null without a utilization (network: link speed unknown; no data). */
  level: number | null;
  /** The cell's text: `70 %`; for the network, receive and transmit. */
  text: string[];
  /** "saturated" for CPU, memory and disk; "errors" for the network; null when unmarked. */
  mark: "saturated" | "errors" | null;
  /** Why the cell is marked, in words: "load per CPU 1.39 ≥ 1". */
  reasons: string[];
  /** Every number with its unit, for the tooltip and screen readers. */
  description: string;
}

/** The colour step of a utilization 0..1, or null when there is none. */
export function utilizationLevel(ratio: number | null): number | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  const i = UTILIZATION_STEPS.findIndex((bound) => ratio < bound);
  return i === -1 ? UTILIZATION_STEPS.length : i;
}

function utilizationReason(label: string, u: number | null): string[] {
  return u !== null && u >= SATURATED_UTILIZATION
    ? [`${label} ${formatPercent(u)} ≥ ${formatPercent(SATURATED_UTILIZATION)}`]
    : [];
}

function cell(resource: Resource, utilization: number | null, reasons: string[], description: string): ResourceCell {
  return {
    resource,
    level: utilizationLevel(utilization),
    text: [formatPercent(utilization)],
    mark: reasons.length ? "saturated" : null,
    reasons,
    description,
  };
}

function describe(parts: string[], reasons: string[]): string {
  return reasons.length ? `${parts.join(", ")}; saturated: ${reasons.join("; ")}` : parts.join(", ");
}

/** CPU, memory, disk and network cells of one node, in that order. */
export function resourceCells(n: Pick<NodeSummary, "cpu" | "memory" | "disk" | "network">): ResourceCell[] {
  const load = n.cpu.saturation;
  const cpuReasons = [
    ...utilizationReason("CPU", n.cpu.utilization),
    ...(load !== null && load >= SATURATED_LOAD_PER_CPU
      ? [`load per CPU ${load.toFixed(2)} ≥ ${SATURATED_LOAD_PER_CPU}`]
      : []),
  ];

  const faults = n.memory.saturation;
  const memReasons = [
    ...utilizationReason("memory", n.memory.utilization),
    ...(faults !== null && faults >= SATURATED_MAJOR_FAULTS_PER_SECOND
      ? [`${Math.round(faults)} major faults/s ≥ ${SATURATED_MAJOR_FAULTS_PER_SECOND}`]
      : []),
  ];

  const queue = n.disk.saturation;
  const diskReasons = [
    ...utilizationReason("disk busy", n.disk.utilization),
    ...(queue !== null && queue >= SATURATED_DISK_QUEUE
      ? [`disk queue ${queue.toFixed(1)} ≥ ${SATURATED_DISK_QUEUE}`]
      : []),
  ];

  const net = n.network;
  const errors = net.errorsPerSecond;
  // Any error or drop is worth a look (the E of USE); without packet counts there is no ratio to wait for.
  const errorsText = `errors and drops ${formatPerSecond(errors, "packets")}`;
  const netReasons = errors !== null && errors > 0 ? [errorsText] : [];

  return [
    cell(
      "cpu",
      n.cpu.utilization,
      cpuReasons,
      describe([`CPU ${formatPercent(n.cpu.utilization)} busy`, formatLoadPerCpu(load)], cpuReasons),
    ),
    cell(
      "memory",
      n.memory.utilization,
      memReasons,
      describe(
        [`memory ${formatPercent(n.memory.utilization)} used`, formatPerSecond(faults, "major faults")],
        memReasons,
      ),
    ),
    cell(
      "disk",
      n.disk.utilization,
      diskReasons,
      describe([`disk ${formatPercent(n.disk.utilization)} busy`, `queue ${formatPerSecond(queue, "s")}`], diskReasons),
    ),
    {
      resource: "network",
      level: null,
      text: [
        `↓${formatBytesPerSecond(net.receiveBytesPerSecond)}`,
        `↑${formatBytesPerSecond(net.transmitBytesPerSecond)}`,
      ],
      mark: netReasons.length ? "errors" : null,
      reasons: netReasons,
      description: `network receive ${formatBytesPerSecond(net.receiveBytesPerSecond)}, transmit ${formatBytesPerSecond(net.transmitBytesPerSecond)}, ${errorsText}`,
    },
  ];
}
