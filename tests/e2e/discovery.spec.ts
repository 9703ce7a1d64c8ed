import type { ServicesResponse } from "@/lib/model/types";
import { expect, test } from "./fixtures";
import { OverviewPage } from "./pages/overview-page";
import { StatusPage } from "./pages/status-page";
import { startPlainPrometheus, startSecondDashboard } from "./second-dashboard";

// node_exporter serves its /metrics through promhttp, which counts those requests: a real name to suggest.
const NODE_EXPORTER_COUNTER = "promhttp_metric_handler_requests_total";

test("an upstream where nothing matches: the overview says what it looked for, suggests and links the status page", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const prometheus = await startPlainPrometheus();
  const second = await startSecondDashboard(prometheus.url);
  try {
    // Until the first scrape the upstream has no metric names to suggest.
    await expect
      .poll(
        async () =>
          ((await (await request.get(`${second.url}/api/v1/services`)).json()) as ServicesResponse).discovery
            ?.suggestions ?? [],
        { timeout: 20_000 },
      )
      .toContain(NODE_EXPORTER_COUNTER);
    const overview = new OverviewPage(page);
    await overview.open("", second.url);
    await expect(overview.noServices).toContainText("http_request_duration_seconds_count");
    await expect(overview.noServices).toContainText("istio_requests_total");
    await expect(overview.suggestions.filter({ hasText: NODE_EXPORTER_COUNTER })).toHaveCount(1);
    await expect(overview.conventionConfig).toContainText("services:\n  conventions:\n    - name: my-services");
    await expect(overview.noNodes).toContainText('job="node"');
    await expect(overview.noNodes).toContainText("nodes.selector");

    await overview.statusLink.click();
    const status = new StatusPage(page);
    await expect(status.heading).toBeVisible();
    await expect(status.upstream).toContainText(prometheus.url);
    // Request metric, present, histogram, service label, services, why none, recording rules.
    await expect(status.cells("prom-client")).toHaveText([
      "http_request_duration_seconds_count",
      "no",
      "no",
      "job",
      "0",
      "",
      "not installed",
    ]);
    await expect(status.cells("istio")).toHaveText([
      "istio_requests_total",
      "no",
      "no",
      "destination_service_name",
      "0",
      "",
      "not installed",
    ]);
  } finally {
    await second.stop();
    await prometheus.stop();
  }
});

test("the status page, reached from the header, lists the conventions and what the demo's found", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.open();
  // Clicked before the page's scripts ran, the link was once lost in hydration (CI, 2026-12-05).
  await expect(overview.updated).toBeVisible();
  await overview.headerStatusLink.click();
  const status = new StatusPage(page);
  await expect(status.heading).toBeVisible();
  await expect(status.upstream).toContainText("yes");
  for (const name of ["prom-client", "otel-http", "spring-micrometer", "istio", "linkerd", "traefik"])
    await expect(status.row(name)).toBeVisible();
  await expect(status.cells("prom-client").nth(1)).toHaveText("yes");
  await expect(status.cells("prom-client").nth(4)).not.toHaveText("0");
});
