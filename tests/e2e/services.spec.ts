import { expect, test } from "./fixtures";
import { OverviewPage } from "./pages/overview-page";
import { ProblemPage } from "./pages/problem-page";
import { ServicePage } from "./pages/service-page";

// reviews runs in two namespaces: two rows (tests/e2e/identity.spec.ts).
const DEMO_SERVICES = [
  "frontend",
  "catalog",
  "cart",
  "checkout",
  "payments",
  "inventory",
  "recommendations",
  "search",
  "ads",
  "email",
  "reviews",
  "reviews",
  "ratings",
  // Prometheus itself and the preset fixtures (demo/preset-fixtures.ts).
  "prometheus",
  "apiserver",
  "coredns",
  "stock",
  "pricing",
  "shipping",
];
const DEMO_ROWS: [string, string?][] = [
  ...DEMO_SERVICES.filter((n) => n !== "reviews").map((name): [string] => [name]),
  ["reviews", "bookinfo"],
  ["reviews", "staging"],
];

const NOT_MEASURED = "Not measured: this convention's duration histogram has no status label";

test.describe("overview", () => {
  test("lists every demo service with numbers and units", async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.open();
    await expect(overview.rows()).toHaveCount(DEMO_SERVICES.length);
    for (const [name, namespace] of DEMO_ROWS) {
      const row = overview.row(name, namespace);
      await expect(row).toBeVisible();
      await expect(row).toContainText(/\d[\d.,]*\s*req\/s/);
      await expect(row).toContainText(/\d[\d.]*\s*%/);
      await expect(row).toContainText(/p99\s*\d[\d.]*\s*m?s/);
    }
  });

  test("says quietly in its header where its values came from", async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.open();
    // The demo loads the recording rules shortly after it starts: recorded, raw or both, depending on when.
    await expect(overview.source).toHaveText(
      /^(from recorded rules|raw series|recorded and raw series|recorded since \d\d:\d\d .+, raw before)$/,
    );
  });

  test("the first HTML holds the rows: they show with numbers before the app's scripts run", async ({ page }) => {
    const overview = new OverviewPage(page);
    const currentValuesAsked: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/v1/services") && !r.url().includes("series=only")) currentValuesAsked.push(r.url());
    });
    // Held back, not failed: React's small inline scripts that reveal streamed HTML still run.
    let release: () => void = () => undefined;
    const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/_next/static/**/*.js", async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await page.goto("/?from=now-15m&to=now", { waitUntil: "commit" });
    await expect(overview.rows()).toHaveCount(DEMO_SERVICES.length);
    await expect(overview.row("checkout")).toContainText(/\d[\d.,]*\s*req\/s/);
    await expect(overview.row("checkout")).toContainText(/p99\s*\d[\d.]*\s*m?s/);
    expect(currentValuesAsked, "the rows came with the HTML, not from a request of the page").toEqual([]);
    // Then the scripts: the page hydrates on those rows and works ("N s ago" needs the browser's clock).
    release();
    await expect(overview.updated).toBeVisible();
    await overview.sort.selectOption("name");
    await expect(page).toHaveURL(/sort=name/);
    await expect.poll(() => overview.serviceNames()).toEqual([...DEMO_SERVICES].sort());
  });

  test("fills every row's trends from the sparklines' own request", async ({ page }) => {
    const overview = new OverviewPage(page);
    const sparklines = page.waitForResponse(
      (r) => r.url().includes("/api/v1/services?") && r.url().includes("series=only"),
    );
    // A short range: a freshly started demo has only a few minutes of data, and a line needs two points.
    await overview.open("?from=now-5m&to=now");
    expect((await sparklines).status()).toBe(200);
    await expect(overview.sparklineLines("checkout", "Request rate")).toHaveCount(1);
    await expect(overview.sparklineLines("checkout", "Latency").first()).toBeVisible();
    await expect(overview.busyParts()).toHaveCount(0);
  });

  test("an error burst turns the service's row failing within two refreshes, and it sorts to the top", async ({
    page,
    control,
  }) => {
    const overview = new OverviewPage(page);
    await overview.open("?refresh=10s");
    await expect(overview.rows().first()).toBeVisible();
    await control.incident({ kind: "error-burst", service: "checkout", durationSeconds: 300 });
    // Two refreshes of 10 s after the burst has pushed the 1 min window's error ratio over 5 % (about 10 s) and been scraped (5 s).
    // The reason, not only the word: an earlier test's incident may still leave checkout failing for another cause.
    await expect(overview.row("checkout")).toContainText(/error ratio \d[\d.]*\s*%\s*≥\s*5\.0\s*%/, {
      timeout: 2 * 10_000 + 25_000,
    });
    await expect(overview.row("checkout")).toContainText("failing");
    // The badge says what the verdict rests on: the window, and that firing alerts count.
    await expect(overview.statusBadge("checkout")).toHaveText("failing");
    await expect(overview.statusBadge("checkout")).toHaveAttribute(
      "title",
      /^failing: error ratio and p99 over the last 1 min, instances up, and firing alerts/,
    );
    // The tab says so too, for an engineer whose dashboard is one tab of twenty.
    await expect
      .poll(() => overview.tab())
      .toEqual({
        title: expect.stringMatching(/^(\d+ down, )?\d+ failing\b.* · signalboard$/),
        icon: expect.stringMatching(/^\/tab\/(failing|down)\.svg$/),
      });
    // Worst first: once the burst fills the window, checkout (≈ 40 %) is the worst service.
    await expect(overview.rows().first()).toContainText("checkout", { timeout: 60_000 });
  });
});

test.describe("service page", () => {
  test("a deep link renders the charts for the range in the URL", async ({ page }) => {
    const service = new ServicePage(page);
    await service.open("checkout", "?from=now-30m&to=now");
    await expect(service.heading("checkout")).toBeVisible();
    for (const title of [
      "Request rate by status class",
      "Error ratio",
      "Latency of successful requests",
      "Latency of failed requests",
    ]) {
      await expect(service.chart(title)).toBeVisible();
    }
    await expect(service.rangeButton("Custom")).toHaveAttribute("aria-pressed", "true");
    // 30 minutes of axis: the first and last labels are at most 30 minutes apart.
    const labels = await service.timeAxisLabels("Request rate by status class");
    expect(labels.length).toBeGreaterThan(2);
    const minutes = labels.map((l) => {
      const [h, m] = l.split(":").map(Number);
      return (h ?? 0) * 60 + (m ?? 0);
    });
    const span = ((minutes.at(-1) ?? 0) - (minutes[0] ?? 0) + 1440) % 1440;
    expect(span).toBeLessThanOrEqual(30);
  });

  test("Prometheus itself, whose histogram has no status code, shows latency of all requests and says that of failures is not measured", async ({
    page,
  }) => {
    const overview = new OverviewPage(page);
    await overview.open();
    await expect(overview.row("prometheus")).toContainText(/p99\s*\d[\d.]*\s*m?s/);
    await expect(overview.row("prometheus")).toContainText(/failed p99\s*—/);
    await expect(overview.valueTitled("prometheus", NOT_MEASURED)).toBeVisible();
    const service = new ServicePage(page);
    await service.open("prometheus", "?from=now-15m&to=now");
    await expect(service.heading("prometheus")).toBeVisible();
    await expect(service.chart("Latency of all requests")).toBeVisible();
    await expect(service.says(NOT_MEASURED)).toBeVisible();
    await expect(service.says("p99 (failed): not measured")).toBeVisible();
  });

  test("during an error burst with slow dependencies, status colours mean the same on every chart and both latency panels share one unit and scale", async ({
    page,
    control,
  }) => {
    // Checkout's failed requests fail fast (ms) while its successful ones wait on both its dependencies,
    // whose stalls (3 % each, 1.6-2.4 s) put checkout's p99 of successful requests over a second.
    await control.incident({ kind: "error-burst", service: "checkout", durationSeconds: 300 });
    await control.incident({ kind: "latency-spike", service: "payments", durationSeconds: 300 });
    await control.incident({ kind: "latency-spike", service: "inventory", durationSeconds: 300 });
    const service = new ServicePage(page);
    const ok = "Latency of successful requests";
    const failed = "Latency of failed requests";
    // Reloaded until the spike and the failures show, then read from one render (no refresh): both panels drew the same answer.
    await expect
      .poll(
        async () => {
          await service.open("checkout", "?from=now-5m&to=now&refresh=off");
          await expect(service.chart(ok)).toBeVisible();
          return { successfulIn: await service.unit(ok), failedDrawn: await service.chart(failed).isVisible() };
        },
        { timeout: 75_000, intervals: [5_000] },
      )
      .toEqual({ successfulIn: "s", failedDrawn: true });
    expect(await service.unit(failed)).toBe("s");
    const labels = await service.valueAxisLabels(ok);
    expect(labels.length).toBeGreaterThan(1);
    expect(await service.valueAxisLabels(failed)).toEqual(labels);

    // The burst's 500s are drawn in the colour of their class, as 5xx is, and never as 2xx is.
    const serverError = await service.legendColor("Request rate by status class", "5xx");
    expect(serverError).toMatch(/^var\(--/);
    expect(await service.legendColor("Requests by status code", "500")).toBe(serverError);
    expect(await service.legendColor("Request rate by status class", "2xx")).not.toBe(serverError);
  });

  test("a service that does not exist shows a clear page", async ({ page, consoleGuard }) => {
    // The browser itself logs the API's 404; that 404 is the answer this test expects.
    consoleGuard.allow(/status of 404/);
    const service = new ServicePage(page);
    await service.open("no-such-service");
    const problem = new ProblemPage(page);
    await expect(problem.missingService("no-such-service")).toBeVisible();
    await expect(problem.homeLink).toBeVisible();
  });
});

test.describe("time zone", () => {
  test.use({ timezoneId: "Asia/Kolkata" });

  test("the time-zone switch changes the axis labels", async ({ page }) => {
    const service = new ServicePage(page);
    await service.open("checkout", "?from=now-1h&to=now");
    await expect(service.chart("Request rate by status class")).toBeVisible();
    await expect
      .poll(() => service.timeAxisLabels("Request rate by status class").then((l) => l.length))
      .toBeGreaterThan(1);
    await expect(service.zoneOffset("UTC+5:30")).toBeVisible();
    const local = await service.timeAxisLabels("Request rate by status class");
    await service.timeZone("UTC").click();
    await expect(page).toHaveURL(/tz=UTC/);
    await expect.poll(() => service.timeAxisLabels("Request rate by status class")).not.toEqual(local);
    await expect(service.zoneOffset("UTC+5:30")).toBeHidden();
  });
});
