import type { Locator, Page } from "@playwright/test";

/** A service page `/services/{name}`: its heading, current values and charts. */
export class ServicePage {
  constructor(readonly page: Page) {}

  async open(name: string, query = ""): Promise<void> {
    await this.page.goto(`/services/${encodeURIComponent(name)}${query}`);
  }

  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name });
  }

  /** A chart, by the start of its accessible name ("Request rate by status class, req/s, …"). */
  chart(title: string): Locator {
    return this.page.getByRole("figure", { name: new RegExp(`^${title}`) });
  }

  /** The labels on a chart's time axis, as shown. */
  async timeAxisLabels(title: string): Promise<string[]> {
    // Recharts 3 draws tick labels in their own layer, apart from the axis group.
    return this.chart(title).locator(".recharts-xAxis-tick-labels text").allTextContents();
  }

  /** The unit a chart's values are in, as its accessible name states it ("…, ms, over the range"). */
  async unit(title: string): Promise<string | undefined> {
    const name = await this.chart(title).getAttribute("aria-label");
    return name?.split(", ").at(-2);
  }

  /** The labels on a chart's value axis, bottom to top. */
  async valueAxisLabels(title: string): Promise<string[]> {
    return this.chart(title).locator(".recharts-yAxis-tick-labels text").allTextContents();
  }

  /** The colour a chart's legend gives one series ("5xx", "503"), as the theme variable it names. */
  async legendColor(title: string, series: string): Promise<string | null> {
    return this.chart(title).getByRole("listitem").filter({ hasText: new RegExp(`^${series}$`) }).locator("line").getAttribute("stroke");
  }

  timeZone(zone: "Local" | "UTC"): Locator {
    return this.page.getByRole("group", { name: "Time zone" }).getByRole("button", { name: zone, exact: true });
  }
}
