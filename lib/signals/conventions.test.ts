import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRESETS } from "./conventions";

// Scraped from demo/otel-service.ts: @opentelemetry/instrumentation-http 0.301.0, sdk-metrics 3.1.0
// and exporter-prometheus 0.301.0, as installed from npm (a 200, a 404 and a 503 of one route).
const exposition = readFileSync(new URL("./testdata/otel-sdk-exposition.txt", import.meta.url), "utf8");

/** name → the label names of each of its sample lines. */
function seriesOf(text: string): Map<string, string[][]> {
  const series = new Map<string, string[][]>();
  for (const line of text.split("\n")) {
    const m = /^(\w+)\{(.*)\} \S+$/.exec(line);
    if (!m) continue;
    const labels = [...(m[2] ?? "").matchAll(/(\w+)="[^"]*"/g)].map((x) => x[1] ?? "");
    series.set(m[1] ?? "", [...(series.get(m[1] ?? "") ?? []), labels]);
  }
  return series;
}

const preset = (name: string) => {
  const found = PRESETS.find((p) => p.name === name);
  if (!found) throw new Error(`no preset ${name}`);
  return found;
};

describe("the otel-http preset", () => {
  const seen = seriesOf(exposition);

  it("reads the names the OpenTelemetry SDK's Prometheus exporter writes: no unit suffix", () => {
    const otel = preset("otel-http");
    expect(otel).toMatchObject({
      requests: "http_server_request_duration_count",
      duration: "http_server_request_duration",
      serviceLabel: "job",
      statusLabel: "http_response_status_code",
      routeLabel: "http_route",
    });
    expect([...seen.keys()].sort()).toEqual([
      "http_server_request_duration_bucket",
      "http_server_request_duration_count",
      "http_server_request_duration_sum",
      "target_info",
    ]);
    expect(seen.has(otel.requests)).toBe(true);
    expect(seen.has(`${otel.duration}_bucket`)).toBe(true);
    for (const labels of seen.get(otel.requests) ?? []) {
      expect(labels).toContain("http_response_status_code");
      expect(labels).toContain("http_route");
    }
  });

  it("finds the service in Prometheus's job: the exporter writes service.name only into target_info", () => {
    expect(seen.get("target_info")).toEqual([["service_name"]]);
    const labels = new Set((seen.get("http_server_request_duration_count") ?? []).flat());
    expect(labels.has("service_name")).toBe(false);
    expect(labels.has("job")).toBe(false);
    expect(exposition).toContain('target_info{service_name="ads"} 1');
  });

  it("keeps the Collector's suffixed names and the legacy names apart: the current SDK writes neither", () => {
    expect(preset("otel-http-collector").requests).toBe("http_server_request_duration_seconds_count");
    expect(preset("otel-http-legacy").requests).toBe("http_server_duration_milliseconds_count");
    expect(seen.has("http_server_request_duration_seconds_count")).toBe(false);
    expect(seen.has("http_server_duration_milliseconds_count")).toBe(false);
  });
});
