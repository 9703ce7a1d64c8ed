import type { Locator, Page } from "@playwright/test";

/** The overview `/`: the services table and its controls. */
export class OverviewPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Services" });
  }

  async open(query = ""): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  /** Data rows, in the order shown (the header row excluded). */
  rows(): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("link") });
  }

  /** The row of one service, found by its link; with `namespace`, the one whose link names that namespace. */
  row(name: string, namespace?: string): Locator {
    const link = this.page.getByRole("link", { name, exact: true });
    const own = namespace === undefined ? link : link.and(this.page.locator(`[href*="namespace=${encodeURIComponent(namespace)}"]`));
    return this.rows().filter({ has: own });
  }

  /** The link to a service's page from its row. */
  serviceLink(name: string, namespace?: string): Locator {
    return this.row(name, namespace).getByRole("link", { name, exact: true });
  }

  /** A row's status badge, found by its tooltip, which states what the verdict rests on. */
  statusBadge(name: string): Locator {
    return this.row(name).getByTitle(/ over the last /);
  }

  /** A row's alert badges, one per level and state: "critical", "pending warning ×2". */
  alertBadges(name: string): Locator {
    return this.row(name).getByText(/^\s*(pending )?(critical|warning|info)\s*(×\d+)?\s*$/);
  }

  /** The service names of the rows in the order shown (their links to the service page, not an alert's runbook). */
  async serviceNames(): Promise<string[]> {
    return this.rows().locator('a[href^="/services/"]').allTextContents();
  }
}
