import type { Locator, Page } from "@playwright/test";

/** The status page `/status`: the upstream and the conventions table. */
export class StatusPage {
  readonly heading: Locator;
  readonly conventions: Locator;
  readonly upstream: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Status", level: 1 });
    this.conventions = page.getByRole("table", { name: "Conventions" });
    this.upstream = page.getByRole("region", { name: "Upstream" });
  }

  async open(origin = ""): Promise<void> {
    await this.page.goto(`${origin}/status`);
  }

  /** A convention's row, found by its name in the row header. */
  row(name: string): Locator {
    return this.conventions.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  /** A row's cells, in the order of the columns (the row header excluded). */
  cells(name: string): Locator {
    return this.row(name).getByRole("cell");
  }
}
