import { describe, expect, it } from "vitest";
import { PromQLNameError } from "./escape";
import {
  cpuSaturation,
  cpuUtilization,
  diskSaturation,
  diskUtilization,
  filesystemSignals,
  filesystemTimeToFull,
  filesystemUsedRatio,
  memorySaturation,
  memoryUtilization,
  networkErrors,
  networkReceiveBytes,
  networkTransmitBytes,
  nodeUname,
  nodeUp,
  nodeUseSignals,
  type NodeScope,
} from "./use";

const all: NodeScope = { window: 60, selector: { job: "node" } };
const one: NodeScope = { ...all, instance: "10.0.0.7:9100" };
const DISK = '"(/dev/)?(mmcblk.p.+|nvme.+|rbd.+|sd.+|vd.+|xvd.+|dm-.+|md.+|dasd.+)"';
const FS = 'fstype!~"tmpfs|ramfs|overlay|squashfs|nsfs|fuse.lxcfs",mountpoint!=""';

describe("USE queries by instance", () => {
  it("up and uname", () => {
    expect(nodeUp(all)).toBe('max by (instance) (up{job="node"})');
    expect(nodeUname(all)).toBe('max by (instance, nodename) (node_uname_info{job="node"})');
  });

  it("CPU", () => {
    expect(cpuUtilization(all)).toBe(
      '1 - avg by (instance) (sum by (instance, cpu) (rate(node_cpu_seconds_total{job="node",mode=~"idle|iowait|steal"}[1m])))',
    );
    expect(cpuSaturation(all)).toBe(
      'sum by (instance) (node_load1{job="node"}) / count by (instance) (node_cpu_seconds_total{job="node",mode="idle"})',
    );
  });

  it("memory", () => {
    expect(memoryUtilization(all)).toBe(
      '1 - sum by (instance) (node_memory_MemAvailable_bytes{job="node"}) / sum by (instance) (node_memory_MemTotal_bytes{job="node"})',
    );
    expect(memorySaturation(all)).toBe('sum by (instance) (rate(node_vmstat_pgmajfault{job="node"}[1m]))');
  });

  it("disk: the busiest real block device", () => {
    expect(diskUtilization(all)).toBe(
      `max by (instance) (rate(node_disk_io_time_seconds_total{job="node",device=~${DISK}}[1m]))`,
    );
    expect(diskSaturation(all)).toBe(
      `max by (instance) (rate(node_disk_io_time_weighted_seconds_total{job="node",device=~${DISK}}[1m]))`,
    );
  });

  it("network, loopback excluded", () => {
    expect(networkReceiveBytes(all)).toBe(
      'sum by (instance) (rate(node_network_receive_bytes_total{job="node",device!="lo"}[1m]))',
    );
    expect(networkTransmitBytes(all)).toBe(
      'sum by (instance) (rate(node_network_transmit_bytes_total{job="node",device!="lo"}[1m]))',
    );
    expect(networkErrors(all)).toBe(
      'sum by (instance) (rate(node_network_receive_errs_total{job="node",device!="lo"}[1m]))' +
        ' + sum by (instance) (rate(node_network_transmit_errs_total{job="node",device!="lo"}[1m]))' +
        ' + sum by (instance) (rate(node_network_receive_drop_total{job="node",device!="lo"}[1m]))' +
        ' + sum by (instance) (rate(node_network_transmit_drop_total{job="node",device!="lo"}[1m]))',
    );
  });

  it("uses the rate window as given", () => {
    expect(memorySaturation({ ...all, window: 75 })).toBe(
      'sum by (instance) (rate(node_vmstat_pgmajfault{job="node"}[75s]))',
    );
  });

  it("filesystems", () => {
    expect(filesystemUsedRatio(all)).toBe(
      `1 - max by (instance, device, mountpoint) (node_filesystem_avail_bytes{job="node",${FS}}) / max by (instance, device, mountpoint) (node_filesystem_size_bytes{job="node",${FS}})`,
    );
    expect(filesystemTimeToFull(all)).toBe(
      `min by (instance, device, mountpoint) (node_filesystem_avail_bytes{job="node",${FS}} / (-deriv(node_filesystem_avail_bytes{job="node",${FS}}[6h]) > 0))`,
    );
  });
});

describe("selector and instance", () => {
  it("adds an escaped equality matcher on instance", () => {
    expect(nodeUp(one)).toBe('max by (instance) (up{job="node",instance="10.0.0.7:9100"})');
    expect(memorySaturation({ ...all, instance: 'a"b\\c\nd' })).toBe(
      'sum by (instance) (rate(node_vmstat_pgmajfault{job="node",instance="a\\"b\\\\c\\nd"}[1m]))',
    );
  });

  it("uses the configured selector, labels sorted", () => {
    const scope: NodeScope = { window: 60, selector: { job: "node-exporter", cluster: "prod" } };
    expect(nodeUp(scope)).toBe('max by (instance) (up{cluster="prod",job="node-exporter"})');
  });

  it("rejects a selector label that is not a label name", () => {
    expect(() => nodeUp({ window: 60, selector: { "bad-label": "x" } })).toThrow(PromQLNameError);
  });
});

describe("combined queries", () => {
  it("tags every USE signal and joins them with or: one query for all nodes", () => {
    const tag = (expr: string, signal: string) => `(label_replace(${expr}, "signal", "${signal}", "", ""))`;
    expect(nodeUseSignals(one, { uname: false })).toBe(
      [
        tag('max by (instance) (up{job="node",instance="10.0.0.7:9100"})', "up"),
        tag(
          '1 - avg by (instance) (sum by (instance, cpu) (rate(node_cpu_seconds_total{job="node",instance="10.0.0.7:9100",mode=~"idle|iowait|steal"}[1m])))',
          "cpu_utilization",
        ),
        tag(
          'sum by (instance) (node_load1{job="node",instance="10.0.0.7:9100"}) / count by (instance) (node_cpu_seconds_total{job="node",instance="10.0.0.7:9100",mode="idle"})',
          "cpu_saturation",
        ),
        tag(
          '1 - sum by (instance) (node_memory_MemAvailable_bytes{job="node",instance="10.0.0.7:9100"}) / sum by (instance) (node_memory_MemTotal_bytes{job="node",instance="10.0.0.7:9100"})',
          "memory_utilization",
        ),
        tag(
          'sum by (instance) (rate(node_vmstat_pgmajfault{job="node",instance="10.0.0.7:9100"}[1m]))',
          "memory_saturation",
        ),
        tag(
          `max by (instance) (rate(node_disk_io_time_seconds_total{job="node",instance="10.0.0.7:9100",device=~${DISK}}[1m]))`,
          "disk_utilization",
        ),
        tag(
          `max by (instance) (rate(node_disk_io_time_weighted_seconds_total{job="node",instance="10.0.0.7:9100",device=~${DISK}}[1m]))`,
          "disk_saturation",
        ),
        tag(
          'sum by (instance) (rate(node_network_receive_bytes_total{job="node",instance="10.0.0.7:9100",device!="lo"}[1m]))',
          "network_receive_bytes",
        ),
        tag(
          'sum by (instance) (rate(node_network_transmit_bytes_total{job="node",instance="10.0.0.7:9100",device!="lo"}[1m]))',
          "network_transmit_bytes",
        ),
        tag(
          'sum by (instance) (rate(node_network_receive_errs_total{job="node",instance="10.0.0.7:9100",device!="lo"}[1m]))' +
            ' + sum by (instance) (rate(node_network_transmit_errs_total{job="node",instance="10.0.0.7:9100",device!="lo"}[1m]))' +
            ' + sum by (instance) (rate(node_network_receive_drop_total{job="node",instance="10.0.0.7:9100",device!="lo"}[1m]))' +
            ' + sum by (instance) (rate(node_network_transmit_drop_total{job="node",instance="10.0.0.7:9100",device!="lo"}[1m]))',
          "network_errors",
        ),
      ].join(" or "),
    );
  });

  it("adds uname only when asked", () => {
    expect(nodeUseSignals(all, { uname: true })).toMatch(
      / or \(label_replace\(max by \(instance, nodename\) \(node_uname_info\{job="node"\}\), "signal", "uname", "", ""\)\)$/,
    );
    expect(nodeUseSignals(all, { uname: false })).not.toContain("node_uname_info");
  });

  it("filesystem used ratio and time to full in one query", () => {
    expect(filesystemSignals(all)).toBe(
      `(label_replace(1 - max by (instance, device, mountpoint) (node_filesystem_avail_bytes{job="node",${FS}}) / max by (instance, device, mountpoint) (node_filesystem_size_bytes{job="node",${FS}}), "signal", "fs_used_ratio", "", ""))` +
        ` or (label_replace(min by (instance, device, mountpoint) (node_filesystem_avail_bytes{job="node",${FS}} / (-deriv(node_filesystem_avail_bytes{job="node",${FS}}[6h]) > 0)), "signal", "fs_time_to_full", "", ""))`,
    );
  });
});
