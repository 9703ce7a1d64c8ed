import { describe, expect, it } from "vitest";
import { api, ourUpstreamQueries } from "./helpers";

const HOSTILE: string[] = [
  "/api/v1/services?from=garbage",
  "/api/v1/services?from=now&to=now-1h",
  "/api/v1/services?from=now-400d",
  "/api/v1/services?to=1e999",
  "/api/v1/services?at=" + encodeURIComponent('"} or vector(1) #'),
  "/api/v1/services?query=up",
  "/api/v1/services?width=-5",
  "/api/v1/services?width=abc",
  "/api/v1/services?series=maybe",
  "/api/v1/services?from=now-1h&from=now-2h",
  "/api/v1/services?from=" + "9".repeat(300),
  "/api/v1/services/" + encodeURIComponent("a\nb"),
  "/api/v1/services/" + "x".repeat(300),
  "/api/v1/services/%E0%A4%A",
  "/api/v1/services/checkout?step=1",
  "/api/v1/status?x=1",
  "/api/v1/alerts?from=yesterday",
];

describe("hostile requests", () => {
  it("get a 4xx with a JSON error, and nothing reaches Prometheus", async () => {
    await api("/api/v1/status");
    const before = await ourUpstreamQueries();
    for (const path of HOSTILE) {
      const { status, body } = await api<{ error?: { code: string; message: string } }>(path);
      expect(status, path).toBeGreaterThanOrEqual(400);
      expect(status, path).toBeLessThan(500);
      expect(typeof body.error?.code, path).toBe("string");
      expect(body.error?.message, path).not.toMatch(/at .*\.js:\d+/);
    }
    expect(await ourUpstreamQueries()).toBe(before);
  });

  it("escapes a service name that tries to inject PromQL", async () => {
    const { status, body } = await api<{ error?: { code: string } }>("/api/v1/services/" + encodeURIComponent('x"} or vector(1) or up{job="'));
    expect(status).toBe(404);
    expect(body.error?.code).toBe("service_not_found");
  });
});
