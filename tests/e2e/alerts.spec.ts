import { expect, test } from "./fixtures";
import { OverviewPage } from "./pages/overview-page";
import { ProblemPage } from "./pages/problem-page";
import { ServicePage } from "./pages/service-page";

// The e2e browser runs in UTC (playwright.config.ts), so times on screen are UTC.
const hms = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(11, 19);

test.describe("alerts", () => {
  test("an injected incident's alert shows on its service row with a working runbook link, and on the service page", async ({
    page,
    control,
  }) => {
    test.setTimeout(180_000);
    const overview = new OverviewPage(page);
    await overview.open("?refresh=10s");
    await expect(overview.row("checkout")).toBeVisible();
    await control.incident({ kind: "error-burst", service: "checkout", durationSeconds: 300 });

    // HighErrorRatio needs its 1 m rate window over 5 % and then 30 s of `for`: up to about a minute and a half.
    const runbook = overview.runbookLink("checkout", "HighErrorRatio");
    await expect(runbook).toBeVisible({ timeout: 120_000 });
    await expect(runbook).toHaveAttribute("target", "_blank");
    await expect(runbook).toHaveAttribute("rel", /noopener/);
    const href = await runbook.getAttribute("href");
    expect(href).toMatch(/^https?:\/\//);
    const res = await page.request.get(href ?? "");
    expect(res.status()).toBe(200);
    // The badge names the severity; its tooltip says what fires and for how long.
    await expect(overview.row("checkout")).toContainText(/critical/);
    await expect(
      overview.alertBadgeTitled("checkout", /HighErrorRatio \(critical, (firing|pending) for \d+/),
    ).toBeVisible();

    const service = new ServicePage(page);
    await service.open("checkout");
    const item = service.alert("checkout", "HighErrorRatio");
    await expect(item).toBeVisible();
    await expect(item).toContainText("critical");
    await expect(item).toContainText(/(firing|pending) for \d+/);
    await expect(item).toContainText(/checkout: .*requests fail/);
    await expect(service.runbookLink("checkout", "HighErrorRatio")).toHaveAttribute("href", href ?? "");
  });

  test("a critical and a warning alert on one service get a badge each, never one count for both", async ({
    page,
    control,
  }) => {
    test.setTimeout(180_000);
    const overview = new OverviewPage(page);
    await overview.open("?refresh=10s");
    await control.incident({ kind: "kill-instance", service: "checkout", instance: "2", durationSeconds: 300 });
    await control.incident({ kind: "latency-spike", service: "checkout", durationSeconds: 300 });
    // InstanceDown fires after 15 s, HighLatencyP99 after its 1 m window passes 1 s and 30 s of `for`.
    // Earlier bursts may also leave checkout's SLO burn-rate alerts firing (page counts as critical, ticket as info).
    await expect
      .poll(async () => (await overview.alertBadges("checkout").allInnerTexts()).map((t) => t.trim()), {
        timeout: 150_000,
      })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^critical/), expect.stringMatching(/^warning/)]));
    // And the row's status agrees with them: a firing critical alert is never shown under anything milder.
    await expect(overview.statusBadge("checkout")).toHaveText("failing");
  });

  test("a service without alerts says so", async ({ page }) => {
    const service = new ServicePage(page);
    await service.open("inventory");
    await expect(service.noAlerts("inventory")).toBeVisible();
  });
});

test.describe("links that open on the incident", () => {
  test("?at= in unix seconds opens around it with a marker at that time", async ({ page }) => {
    const at = Math.floor(Date.now() / 1000 / 5) * 5 - 10 * 60 + 2;
    const service = new ServicePage(page);
    await service.open("checkout", `?at=${at}`);
    // A vertical line has a zero-width box, which Playwright counts as not visible: attached is what can be asked.
    await expect(service.atMarker("Error ratio", hms(at))).toBeAttached();
    // at − 30 min … now, since at + 30 min is still to come.
    await expect(service.range(new RegExp(`^${hms(at - 30 * 60).slice(0, 5)}:\\d{2} – `))).toBeVisible();
  });

  test("?at= in RFC 3339 works the same", async ({ page }) => {
    // Not a multiple of the scrape interval: the marker is at the instant the link names, not an aligned one.
    const at = Math.floor(Date.now() / 1000 / 5) * 5 - 2 * 60 + 3;
    const service = new ServicePage(page);
    await service.open("checkout", `?at=${new Date(at * 1000).toISOString().replace(".000Z", "Z")}`);
    await expect(service.atMarker("Request rate by status class", hms(at))).toBeAttached();
  });

  test("from and to in epoch milliseconds, as Grafana writes them, set the range", async ({ page }) => {
    // Ending at the last whole minute: a fresh stack has data for only a few minutes, and the range must hold some.
    const to = Math.floor(Date.now() / 1000 / 60) * 60;
    const from = to - 3600;
    const service = new ServicePage(page);
    await service.open("checkout", `?from=${from * 1000}&to=${to * 1000}`);
    await expect(service.heading("checkout")).toBeVisible();
    await expect(service.range(`${hms(from)} – ${hms(to)}`)).toBeVisible();
  });

  test("a link to a service that does not exist shows the not-found page", async ({ page, consoleGuard }) => {
    // The browser logs the API's 404 itself; that 404 is the answer expected here.
    consoleGuard.allow(/status of 404/);
    const service = new ServicePage(page);
    await service.open("no-such-service", `?at=${Math.floor(Date.now() / 1000) - 600}`);
    await expect(new ProblemPage(page).missingService("no-such-service")).toBeVisible();
  });
});
