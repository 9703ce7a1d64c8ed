import { expect, test } from "./fixtures";
import { OverviewPage } from "./pages/overview-page";
import { ServicePage } from "./pages/service-page";

// The demo runs `reviews` in namespace bookinfo and in staging (demo/conventions-model.ts).
const NAMESPACES = ["bookinfo", "staging"];

test.describe("one service name in two namespaces", () => {
  test("the overview shows two rows, each linking to its own page", async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.open();
    await expect(overview.row("reviews")).toHaveCount(2);
    for (const ns of NAMESPACES) {
      await expect(overview.row("reviews", ns)).toContainText(`${ns} · istio`);
      await expect(overview.serviceLink("reviews", ns)).toHaveAttribute("href", `/services/reviews?namespace=${ns}`);
    }

    await overview.serviceLink("reviews", "staging").click();
    await expect(page).toHaveURL(/\/services\/reviews\?namespace=staging$/);
    const service = new ServicePage(page);
    await expect(service.heading("reviews")).toBeVisible();
    await expect(service.meta).toContainText("namespace staging");
    // A new range keeps the page on the same service.
    await service.rangePreset("6h").click();
    await expect(page).toHaveURL(/\/services\/reviews\?namespace=staging&from=now-6h&to=now$/);
    await expect(service.meta).toContainText("namespace staging");
  });

  test("the page without a namespace offers both services, each link opening its own", async ({
    page,
    consoleGuard,
  }) => {
    // The browser itself logs the API's 409; that 409 is the answer this test expects.
    consoleGuard.allow(/status of 409/);
    const service = new ServicePage(page);
    await service.open("reviews", "?from=now-30m&to=now");
    await expect(service.heading(/“reviews” is the name of 2 services/)).toBeVisible();
    await expect(service.candidates("reviews")).toHaveText(NAMESPACES.map((ns) => `reviews in namespace ${ns}`));
    // The view goes along with the choice.
    await expect(service.candidate("reviews", "bookinfo")).toHaveAttribute(
      "href",
      "/services/reviews?namespace=bookinfo&from=now-30m&to=now",
    );

    await service.candidate("reviews", "bookinfo").click();
    await expect(page).toHaveURL(/\/services\/reviews\?namespace=bookinfo&from=now-30m&to=now$/);
    await expect(service.meta).toContainText("namespace bookinfo");
  });

  test("an unknown namespace shows a clear page", async ({ page, consoleGuard }) => {
    consoleGuard.allow(/status of 404/);
    const service = new ServicePage(page);
    await service.open("reviews", "?namespace=nowhere");
    await expect(service.heading(/No service named “reviews” in namespace “nowhere”/)).toBeVisible();
  });
});
