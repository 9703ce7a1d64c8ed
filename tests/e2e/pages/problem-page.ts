import type { Locator, Page } from "@playwright/test";

/** What shows when something is missing or broken: the not-found page, and a panel's own failure. */
export class ProblemPage {
  readonly notFoundHeading: Locator;
  readonly homeLink: Locator;
  readonly overviewLink: Locator;
  readonly panelFailure: Locator;
  readonly retry: Locator;

  constructor(readonly page: Page) {
    this.notFoundHeading = page.getByRole("heading", { level: 1, name: "Page not found" });
    this.homeLink = page.getByRole("link", { name: /Back to all services/ });
    this.overviewLink = page.getByRole("link", { name: /Back to the overview/ });
    this.panelFailure = page.getByRole("alert").filter({ hasText: /^This panel failed to render: / });
    this.retry = page.getByRole("button", { name: "Retry" });
  }

  /** The heading of the page a link to an unknown service opens. */
  missingService(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: `No service named “${name}”` });
  }

  /** A panel's heading, there whether the panel has data or says it has none. */
  panelHeading(title: string): Locator {
    return this.page.getByRole("heading", { level: 2, name: title });
  }

  async open(path: string): Promise<number | undefined> {
    return (await this.page.goto(path))?.status();
  }

  /**
   * Makes this browser's alerts API answer a list with a hole in it, as a server of another version
   * might during a deployment. The real stack cannot produce that on demand, and the alerts panel
   * throws while rendering it: the render error the panel boundary is there for.
   */
  async breakAlertsAnswer(): Promise<void> {
    await this.page.route("**/api/v1/alerts*", (route) => route.fulfill({ json: { alerts: [null], stale: false } }));
  }
}
