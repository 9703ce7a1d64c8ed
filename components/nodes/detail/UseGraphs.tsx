import styles from "@/components/detail/detail.module.css";
import type { GraphFrame } from "@/components/detail/graph-frame";
import type { NodeSeries } from "@/lib/model/node-types";
import { formatNumber, formatPercent } from "@/lib/ui/format";
import { formatBytesPerSecond, formatLoadPerCpu, formatPerSecond } from "@/lib/ui/node-format";
import { ResourcePanel, type ResourceChart } from "./ResourcePanel";

export interface UseGraphsProps {
  frame: GraphFrame;
  series: NodeSeries | null;
}

/** Chart heights, px: utilization on top, saturation below; two resources side by side fit a 1080p screen. */
const TOP = 150;
const BOTTOM = 105;
/** Both charts with their unit and legend lines. */
const BODY = TOP + BOTTOM + 2 * 24 + 10;

const UTILIZATION = "var(--series-1)";
const SATURATION = "var(--series-2)";

function utilization(points: NodeSeries["cpu"]["utilization"], what: string): ResourceChart {
  return {
    title: "utilization",
    lines: [{ name: what, points, color: UTILIZATION }],
    unit: "%",
    scale: (v) => v * 100,
    formatTick: formatNumber,
    formatValue: (v) => formatPercent(v / 100),
    height: TOP,
  };
}

function saturation(
  points: NodeSeries["cpu"]["saturation"],
  what: string,
  unit: string,
  formatValue: (v: number) => string,
): ResourceChart {
  return {
    title: "saturation",
    lines: [{ name: what, points, color: SATURATION }],
    unit,
    formatTick: formatNumber,
    formatValue,
    height: BOTTOM,
  };
}

/** The four USE resources of a node over the range: CPU, memory, disk and network. */
export function UseGraphs({ frame, series: s }: UseGraphsProps) {
  const none: NodeSeries["cpu"] = { utilization: [], saturation: [] };
  const cpu = s?.cpu ?? none;
  const memory = s?.memory ?? none;
  const disk = s?.disk ?? none;
  const net = s?.network ?? { receiveBytesPerSecond: [], transmitBytesPerSecond: [], errorsPerSecond: [] };
  const panels: { title: string; charts: ResourceChart[] }[] = [
    {
      title: "CPU",
      charts: [
        utilization(cpu.utilization, "busy (not idle, iowait or steal)"),
        saturation(cpu.saturation, "1-minute load per CPU", "load/CPU", formatLoadPerCpu),
      ],
    },
    {
      title: "Memory",
      charts: [
        utilization(memory.utilization, "used (1 − available / total)"),
        saturation(memory.saturation, "major page faults", "faults/s", (v) => formatPerSecond(v, "faults")),
      ],
    },
    {
      title: "Disk",
      charts: [
        utilization(disk.utilization, "time busy, busiest device"),
        saturation(disk.saturation, "queue, busiest device", "io s/s", (v) => formatPerSecond(v, "s")),
      ],
    },
    {
      title: "Network",
      charts: [
        {
          title: "throughput",
          lines: [
            { name: "receive", points: net.receiveBytesPerSecond, color: "var(--series-1)" },
            { name: "transmit", points: net.transmitBytesPerSecond, color: "var(--series-3)" },
          ],
          unit: "B/s",
          formatTick: formatNumber,
          formatValue: formatBytesPerSecond,
          height: TOP,
        },
        {
          title: "errors",
          lines: [{ name: "errors and drops", points: net.errorsPerSecond, color: "var(--series-error)" }],
          unit: "packets/s",
          formatTick: formatNumber,
          formatValue: (v) => formatPerSecond(v, "packets"),
          height: BOTTOM,
        },
      ],
    },
  ];
  return (
    <div className={styles.grid}>
      {panels.map((p) => (
        <ResourcePanel key={p.title} title={p.title} frame={frame} height={BODY} charts={p.charts} />
      ))}
    </div>
  );
}
