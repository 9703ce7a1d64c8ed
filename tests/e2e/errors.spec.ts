import { expect, test } from "./fixtures";
import { OverviewPage } from "./pages/overview-page";
import { ProblemPage } from "./pages/problem-page";
import { ServicePage } from "./pages/service-page";

test.describe("errors and missing pages", () => {
  test("an unknown page answers 404 with the not-found page and a link home", async ({ page, consoleGuard }) => {
    // The browser logs the document's 404 itself; that 404 is the answer expected here.
    consoleGuard.allow(/status of 404/);
    const problem = new ProblemPage(page);
    expect(await problem.open("/no-such-page")).toBe(404);
    await expect(problem.notFoundHeading).toBeVisible();
    await problem.homeLink.click();
    await expect(new OverviewPage(page).rows().first()).toBeVisible();
  });

  test("a panel that fails to render says so, offers a retry, and the rest of the page still draws", async ({
    page,
    consoleGuard,
  }) => {
    // React and the boundary log the caught render error; causing it is the point of this test.
    consoleGuard.allow(/failed to render|Cannot read properties of null|The above error occurred/);
    const problem = new ProblemPage(page);
    await problem.breakAlertsAnswer();
    const service = new ServicePage(page);
    await service.open("checkout");
    await expect(problem.panelFailure).toHaveCount(1);
    await expect(problem.panelFailure).toContainText("Cannot read properties of null");
    await expect(problem.retry).toBeVisible();
    await expect(service.heading("checkout")).toBeVisible();
    await expect(problem.panelHeading("Request rate by status class")).toBeVisible();
    await expect(problem.panelHeading("Requests by instance")).toBeVisible();
  });
});
