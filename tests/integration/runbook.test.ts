import { afterAll, describe, expect, it, vi } from "vitest";
import { promQuery, stack, waitFor } from "./helpers";

interface PromAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: string;
  activeAt: string;
}

async function control(body: unknown): Promise<void> {
  const res = await fetch(`${stack().controlUrl}/incident`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`incident: HTTP ${res.status}`);
}

function instanceDownAlert(timeoutMs: number): Promise<PromAlert> {
  return waitFor(
    "InstanceDown firing for checkout",
    async () => {
      const body = (await (await fetch(`${stack().prometheusUrl}/api/v1/alerts`)).json()) as {
        data: { alerts: PromAlert[] };
      };
      return body.data.alerts.find(
        (a) => a.labels.alertname === "InstanceDown" && a.labels.job === "checkout" && a.state === "firing",
      );
    },
    timeoutMs,
  );
}

describe("demo runbook pages link back to signalboard at the alert's time", () => {
  afterAll(async () => {
    await control({ kind: "clear" });
    // Leave the stack as the other tests expect it: every checkout instance scraped again (vi.waitFor: expect.poll is for tests, not hooks).
    await vi.waitFor(
      async () => expect((await promQuery('min(up{job="checkout"})', Date.now() / 1000))[0]?.value[1]).toBe("1"),
      { timeout: 30_000, interval: 1000 },
    );
  }, 40_000);

  it("the runbook of a firing InstanceDown links to the service page with at = the alert's activeAt", async () => {
    await control({ kind: "kill-instance", service: "checkout", instance: "2", durationSeconds: 120 });
    const alert = await instanceDownAlert(60_000);
    const runbookUrl = alert.annotations.runbook_url ?? "";
    expect(runbookUrl).toMatch(/\/runbooks\/InstanceDown\?job=checkout&instance=/);

    const page = await (await fetch(runbookUrl)).text();
    const activeAt = Math.floor(Date.parse(alert.activeAt) / 1000);
    const links = [...page.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&#38;", "&"));
    expect(links).toContain(`${stack().dashboardUrl}/services/checkout?at=${activeAt}`);
    // The page the link opens exists and is about that service.
    const res = await fetch(`${stack().dashboardUrl}/services/checkout?at=${activeAt}`);
    expect(res.status).toBe(200);
  }, 120_000);
});
