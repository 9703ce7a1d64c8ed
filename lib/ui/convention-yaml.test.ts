import { describe, expect, it } from "vitest";
import { customConventionYaml } from "./convention-yaml";

describe("customConventionYaml", () => {
  it("takes the first suggestion as requests and the first histogram's base name as duration", () => {
    expect(
      customConventionYaml(["app_requests_total", "app_request_duration_seconds_count", "other_latency_ms_bucket"]),
    ).toBe(
      "services:\n  conventions:\n    - name: my-services\n      requests: app_requests_total\n" +
        "      duration: app_request_duration_seconds\n      serviceLabel: job\n      statusLabel: code\n",
    );
  });

  it("counts requests by a histogram's _count when the histogram comes first, even if named by its _bucket", () => {
    expect(customConventionYaml(["app_latency_ms_bucket"])).toContain(
      "      requests: app_latency_ms_count\n      duration: app_latency_ms\n",
    );
  });

  it("uses placeholders without suggestions", () => {
    expect(customConventionYaml([])).toContain(
      "      requests: myapp_http_requests_total\n      duration: myapp_http_request_duration_seconds\n",
    );
  });
});
