// Several sources on one wall: the e2e stack's Prometheus as `eu`, and a second Prometheus as `us`
// scraping the stack's checkout and payments instances, so both sources have a checkout. A dashboard
// configured with both (as `npm run demo -- --clusters 2` writes it) shows them merged.
import { join, resolve } from "node:path";
import { mkdirSync, rmSync } from "node:fs";
import { portMap } from "../../demo/ports";
import { E2E_BASE_PORT } from "../../playwright.config";
import { startPrometheus, type ExtraPrometheus } from "../integration/extra";
import { expect, test } from "./fixtures";
import { OverviewPage } from "./pages/overview-page";
import { ServicePage } from "./pages/service-page";
import { freePort, startSourcesDashboard } from "./second-dashboard";

const US_SERVICES = ["checkout", "payments"];

let us: ExtraPrometheus;
let board: { url: string; stop: () => Promise<void> };

test.beforeAll(async () => {
  const dir = join(resolve(__dirname, "../.."), ".tmp", "e2e-sources-prometheus");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fleet = portMap(E2E_BASE_PORT).fleet;
  us = await startPrometheus({
    dir,
    port: await freePort(),
    scrapeIntervalSeconds: 1,
    // One job per service, named as the service: the job label the fleet's convention reads.
    scrapeConfigs: US_SERVICES.map((service) => ({
      job_name: service,
      scrape_interval: "1s",
      static_configs: [{ targets: fleet.filter((i) => i.service === service).map((i) => i.address) }],
    })),
  });
  board = await startSourcesDashboard([
    { name: "eu", prometheusUrl: `http://127.0.0.1:${E2E_BASE_PORT}` },
    { name: "us", prometheusUrl: us.url },
  ]);
  // us has traffic once it has scraped twice.
  await expect
    .poll(
      async () => {
        const res = await fetch(`${board.url}/api/v1/services?source=us`);
        const body = (await res.json()) as { services?: { name: string; requestRate: number | null }[] };
        return (body.services ?? [])
          .filter((s) => (s.requestRate ?? 0) > 0)
          .map((s) => s.name)
          .sort();
      },
      { timeout: 30_000 },
    )
    .toEqual(US_SERVICES);
});

test.afterAll(async () => {
  await board?.stop();
  await us?.stop();
});

test("one source: no badge, no source filter, no source= in links", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.open();
  await expect(overview.serviceLink("checkout")).toHaveAttribute("href", "/services/checkout");
  await expect(overview.sourceFilter()).toHaveCount(0);
  await expect(overview.anySourceBadge(overview.row("checkout"))).toHaveCount(0);
});

test("two sources: rows merged with their source, links carrying it, and the filter narrowing to one", async ({
  page,
}) => {
  const overview = new OverviewPage(page);
  await overview.open("", board.url);
  const euCheckout = overview.rowFrom("checkout", "eu");
  const usCheckout = overview.rowFrom("checkout", "us");
  await expect(overview.sourceBadge(euCheckout, "eu")).toBeVisible();
  await expect(overview.sourceBadge(usCheckout, "us")).toBeVisible();
  await expect(overview.rowsFromSource("us")).toHaveCount(2);
  // A service only eu has.
  await expect(overview.sourceBadge(overview.rowFrom("cart", "eu"), "eu")).toBeVisible();
  await expect(overview.rowLink(euCheckout, "checkout")).toHaveAttribute("href", "/services/checkout?source=eu");

  await overview.sourceFilter().selectOption("us");
  await expect(page).toHaveURL(/[?&]source=us(&|$)/);
  await expect(overview.rows()).toHaveCount(2);
  await expect(overview.rowsFromSource("eu")).toHaveCount(0);
  // The other sources stay on offer while narrowed.
  await expect(overview.sourceOptions()).toHaveText(["All sources", "eu", "us"]);

  // Opened as a link, narrowed from the first HTML on.
  await overview.open("?source=us", board.url);
  await expect(overview.rows()).toHaveCount(2);
  await expect(overview.rowsFromSource("eu")).toHaveCount(0);

  await overview.rowLink(usCheckout, "checkout").click();
  await expect(page).toHaveURL(/\/services\/checkout\?source=us/);
  await expect(new ServicePage(page).heading("checkout")).toBeVisible();
});

test("a stopped source: its notice, its rows marked stale, the other source's rows live", async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 50\d/);
  const overview = new OverviewPage(page);
  await overview.open("?refresh=10s", board.url);
  await expect(overview.sourceBadge(overview.rowFrom("checkout", "us"), "us")).toBeVisible();
  await us.stop();
  await expect(overview.sourceNotice("us")).toBeVisible({ timeout: 40_000 });
  await expect(overview.sourceBadge(overview.rowFrom("checkout", "us"), "us", true)).toBeVisible();
  await expect(overview.sourceBadge(overview.rowFrom("checkout", "eu"), "eu")).toBeVisible();
  await expect(overview.sourceNotice("eu")).toHaveCount(0);
});
