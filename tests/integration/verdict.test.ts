import { afterEach, describe, expect, it } from "vitest";
import type { ServiceDetailResponse, ServicesResponse, ServiceSummary } from "@/lib/model/types";
import { api, demoIncident, promQuery, waitFor } from "./helpers";

// What a page says must never contradict the alert beside it: the list and a service's page agree
// at the same instant whatever their ranges, and a firing alert is counted in the status.

const RANGES = ["now-15m", "now-24h", "now-7d"];
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function listed(at: number, name: string): Promise<ServiceSummary | undefined> {
  const { status, body } = await api<ServicesResponse>(`/api/v1/services?at=${at}`);
  expect(status).toBe(200);
  return body.services.find((s) => s.name === name);
}

/** The instant at which Prometheus's own rules have the alert firing for the service. */
function alertFiring(alertname: string, job: string): Promise<number> {
  return waitFor(
    `${alertname} firing for ${job}`,
    async () => {
      const at = nowSeconds() - 1;
      const firing = await promQuery(`ALERTS{alertstate="firing",alertname="${alertname}",job="${job}"}`, at);
      return firing.length > 0 ? at : undefined;
    },
    120_000,
  );
}

afterEach(async () => {
  await demoIncident({ kind: "clear" });
});

describe("current values and status", () => {
  it("are the same on the service page as in the list at the same instant, whatever the page's range", async () => {
    const at = nowSeconds() - 7;
    const row = await listed(at, "checkout");
    expect(row).toBeDefined();
    for (const from of RANGES) {
      const { status, body } = await api<ServiceDetailResponse>(
        `/api/v1/services/checkout?from=${from}&to=now&at=${at}`,
      );
      expect(status, from).toBe(200);
      expect(body.at).toBe(at);
      expect(body.service, from).toEqual(row);
    }
  });

  it("answer for a live service over 7 days, although the range's last step point is older than its data", async () => {
    for (const from of RANGES) {
      const { status, body } = await api<ServiceDetailResponse>(`/api/v1/services/checkout?from=${from}&to=now`);
      expect(status, from).toBe(200);
      expect(body.service.requestRate, from).toBeGreaterThan(0);
    }
  });

  it("are evaluated over a window that does not follow the range, stated in the answer", async () => {
    const windows = await Promise.all(
      RANGES.map(async (from) => (await api<ServicesResponse>(`/api/v1/services?from=${from}`)).body.window),
    );
    expect(new Set(windows).size).toBe(1);
    // The demo scrapes every 5 s: at least a minute, the window of the demo's alerting rules.
    expect(windows[0]).toBeGreaterThanOrEqual(60);
  });

  it("is failing, on the list and on the page at any range, while a critical alert fires for a half-alive service", async () => {
    await demoIncident({ kind: "kill-instance", service: "checkout", instance: "2", durationSeconds: 300 });
    const at = await alertFiring("InstanceDown", "checkout");
    const row = await listed(at, "checkout");
    // One of two instances down alone is only degraded; the firing critical alert makes it failing.
    expect(row?.statusReasons).toContain("1 of 2 instances down");
    expect(row?.status).toBe("failing");
    expect(row?.statusReasons.join("; ")).toContain("critical alert firing: InstanceDown");
    for (const from of RANGES) {
      const { body } = await api<ServiceDetailResponse>(`/api/v1/services/checkout?from=${from}&to=now&at=${at}`);
      expect(body.service.status, from).toBe("failing");
    }
  }, 180_000);

  it("shows an error burst at the same ratio on the list and on a 24 h page, failing with its alert", async () => {
    await demoIncident({ kind: "error-burst", service: "checkout", durationSeconds: 300 });
    const at = await alertFiring("HighErrorRatio", "checkout");
    const row = await listed(at, "checkout");
    expect(row?.status).toBe("failing");
    expect(row?.errorRatio).toBeGreaterThan(0.05);
    const { body } = await api<ServiceDetailResponse>(`/api/v1/services/checkout?from=now-24h&to=now&at=${at}`);
    expect(body.service.status).toBe("failing");
    expect(body.service.errorRatio).toBe(row?.errorRatio);
    // Every service that Prometheus has a critical alert firing for, at that instant, is failing or down.
    const critical = await promQuery('ALERTS{alertstate="firing",severity="critical"}', at);
    const { body: list } = await api<ServicesResponse>(`/api/v1/services?at=${at}`);
    for (const alert of critical) {
      const s = list.services.find((x) => x.name === alert.metric.job);
      if (s) expect(["failing", "down"], `${s.name} under ${alert.metric.alertname}`).toContain(s.status);
    }
  }, 180_000);
});
