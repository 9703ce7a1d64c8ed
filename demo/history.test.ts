import { beforeAll, describe, expect, it } from "vitest";
import { BLOCK_SECONDS, historyWindows, pastIncidents, sampleTimes } from "./history";
import { portMap } from "./ports";
import { renderPrometheusConfig } from "./prometheus-config";

const END = 1_764_003_600; // an hour into a block window, so two hours of history span two windows
const ports = portMap(9090);

/** "name{a="b",…} value time" → its parts (label values here never hold commas or quotes). */
function parse(line: string) {
  const m = /^(\w+)\{(.*)\} (\S+) (\d+)$/.exec(line);
  if (!m) throw new Error(`not a sample line: ${line}`);
  const labels = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
  return { name: m[1] ?? "", labels, key: `${m[1]}{${m[2]}}`, value: Number(m[3]), time: Number(m[4]) };
}

let windows: { start: number; text: string }[] = [];
let lines: ReturnType<typeof parse>[] = [];
beforeAll(() => {
  windows = [...historyWindows({ ports, end: END, hours: 2, incidents: pastIncidents(END) })];
  // The fleet's series and the OpenTelemetry and Istio counters: enough to check, quicker to parse than every bucket.
  const checked = /^(http_request_duration_seconds|http_server_request_duration_count|istio_requests_total)/;
  lines = windows.flatMap((w) =>
    w.text
      .split("\n")
      .filter((l) => checked.test(l))
      .map(parse),
  );
  // Two hours of the whole fleet's expositions: about 3 s alone, well over the default 10 s on a busy machine.
}, 60_000);

describe("demo history", () => {
  it("samples every 120 s, then every 30 s in the last 6 hours and every 10 s in the last hour, ending at the end", () => {
    const times = sampleTimes(END, 26);
    const gaps = (from: number, to: number) =>
      new Set(
        times
          .filter((t) => t > END - from && t <= END - to)
          .map((t, i, all) => (i ? t - (all[i - 1] ?? 0) : 0))
          .slice(1),
      );
    expect(gaps(26 * 3600, 6 * 3600 + 120)).toEqual(new Set([120]));
    expect(gaps(6 * 3600 - 30, 3600 + 30)).toEqual(new Set([30]));
    expect(gaps(3600 - 10, 0)).toEqual(new Set([10]));
    expect(times.at(-1)).toBe(END);
    expect(times[0]).toBeGreaterThanOrEqual(END - 26 * 3600);
  });

  it("writes one OpenMetrics text per two-hour block window, each ending with # EOF", () => {
    expect(windows.length).toBe(2);
    for (const w of windows) {
      expect(w.start % BLOCK_SECONDS).toBe(0);
      expect(w.text.endsWith("# EOF\n")).toBe(true);
    }
    expect(lines.filter((l) => l.time > END || l.time < END - 2 * 3600)).toEqual([]);
  });

  it("labels the fleet's series with the job and instance Prometheus attaches when it scrapes them", () => {
    const config = renderPrometheusConfig({ ports, dataDir: "/d", scrapeIntervalSeconds: 5 });
    const fleet = lines.filter((l) => l.name === "http_request_duration_seconds_count");
    expect(new Set(fleet.map((l) => l.labels.job))).toEqual(
      new Set(["frontend", "catalog", "cart", "checkout", "payments", "inventory", "recommendations"]),
    );
    const targets = new Set(fleet.map((l) => `${l.labels.job} ${l.labels.instance}`));
    expect(targets).toEqual(new Set(ports.fleet.map((i) => `${i.service} ${i.address}`)));
    for (const target of targets) expect(config).toContain(`job_name: ${target.split(" ")[0]}`);
    expect(new Set(fleet.map((l) => Object.keys(l.labels).sort().join(",")))).toEqual(
      new Set(["instance,job,method,route,status_code"]),
    );
    const istio = lines.filter((l) => l.name === "istio_requests_total");
    expect(istio.length).toBeGreaterThan(0);
    expect(new Set(istio.map((l) => [l.labels.job, l.labels.instance, l.labels.reporter].join(" ")))).toEqual(
      new Set([`conventions 127.0.0.1:${ports.conventions} destination`]),
    );
  });

  it("labels the OpenTelemetry services' series as their SDK's exporter does, in their own scrape jobs", () => {
    const config = renderPrometheusConfig({ ports, dataDir: "/d", scrapeIntervalSeconds: 5 });
    const otel = lines.filter((l) => l.name === "http_server_request_duration_count");
    expect(new Set(otel.map((l) => `${l.labels.job} ${l.labels.instance}`))).toEqual(
      new Set([`search 127.0.0.1:${9090 + 43}`, `ads 127.0.0.1:${9090 + 44}`]),
    );
    expect(config).toContain("job_name: search");
    expect(config).toContain("job_name: ads");
    // As in lines scraped from demo/otel-service.ts (instrumentation-http 0.301.0), plus job and instance; 5xx also carry error_type.
    const keys =
      "http_request_method,http_response_status_code,http_route,instance,job,network_protocol_version,otel_scope_name,otel_scope_version,url_scheme";
    expect(new Set(otel.map((l) => Object.keys(l.labels).sort().join(",")))).toEqual(
      new Set([keys, `error_type,${keys}`]),
    );
    expect(new Set(otel.filter((l) => l.labels.error_type).map((l) => l.labels.error_type))).toEqual(new Set(["500"]));
    expect(new Set(otel.map((l) => `${l.labels.otel_scope_name} ${l.labels.otel_scope_version}`))).toEqual(
      new Set(["@opentelemetry/instrumentation-http 0.301.0"]),
    );
  });

  it("keeps counters and histogram buckets cumulative from window to window", () => {
    const last = new Map<string, { value: number; time: number }>();
    const backwards: string[] = [];
    for (const l of lines) {
      const before = last.get(l.key);
      if (before && (l.time <= before.time || l.value < before.value))
        backwards.push(`${l.key} ${before.value}@${before.time} -> ${l.value}@${l.time}`);
      last.set(l.key, l);
    }
    expect(backwards).toEqual([]);
    expect(
      lines
        .filter((l) => l.name === "http_request_duration_seconds_count")
        .reduce((sum, l) => Math.max(sum, l.value), 0),
    ).toBeGreaterThan(1000);
    // A bucket never holds more than the next larger one at the same instant.
    const byInstant = new Map<string, number[]>();
    for (const l of lines.filter((x) => x.name === "http_request_duration_seconds_bucket")) {
      const { le, ...rest } = l.labels;
      const id = `${JSON.stringify(rest)} ${l.time}`;
      byInstant.set(id, [...(byInstant.get(id) ?? []), le === "+Inf" ? Infinity : Number(le), l.value]);
    }
    const notCumulative = [...byInstant].filter(([, flat]) => {
      const pairs = Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i] ?? 0, flat[2 * i + 1] ?? 0]).sort(
        (a, b) => (a[0] ?? 0) - (b[0] ?? 0),
      );
      return pairs.some((p, i) => i > 0 && (p[1] ?? 0) < (pairs[i - 1]?.[1] ?? 0));
    });
    expect(notCumulative.map(([id]) => id)).toEqual([]);
  });
});
