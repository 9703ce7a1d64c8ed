import type { Locator, Page } from "@playwright/test";

/** A service page `/services/{name}?namespace=…`: its heading, current values and charts, or the services a name may mean. */
export class ServicePage {
  /** The line under the heading: convention, namespace, instances. */
  readonly meta: Locator;

  constructor(readonly page: Page) {
    this.meta = page.getByText(/^Found by convention /);
  }

  async open(name: string, query = ""): Promise<void> {
    await this.page.goto(`/services/${encodeURIComponent(name)}${query}`);
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole("heading", { level: 1, name });
  }

  /** One alert in the service's alert list, by its name. */
  alert(service: string, alertname: string): Locator {
    return this.page
      .getByRole("list", { name: `Alerts for ${service}` })
      .getByRole("listitem")
      .filter({ hasText: alertname });
  }

  /** The runbook link of one alert in the service's alert list. */
  runbookLink(service: string, alertname: string): Locator {
    return this.alert(service, alertname).getByRole("link", { name: `Runbook for ${alertname}` });
  }

  /** What the alert panel says when nothing fires. */
  noAlerts(service: string): Locator {
    return this.page.getByText(`No alerts firing or pending for ${service}`);
  }

  /** A text of the page: a current value's label, or what an empty panel says instead of a chart. */
  says(text: string): Locator {
    return this.page.getByText(text);
  }

  /** The marker a chart draws at the `at` instant, by its label ("at 17:20:03"). */
  atMarker(title: string, time: string): Locator {
    return this.chart(title).getByRole("img", { name: `at ${time}` });
  }

  /** The range as written on the page ("17:20:00 – 18:20:00"). */
  range(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  /** The local zone's offset written beside the range ("(UTC+5:30)"); absent in UTC. */
  zoneOffset(offset: string): Locator {
    return this.page.getByText(`(${offset})`);
  }

  /** A button of the range picker ("Last 1 h", "Custom"); pressed when it is the range shown. */
  rangeButton(label: string): Locator {
    return this.page.getByRole("button", { name: label });
  }

  /** The choice offered for a name in several namespaces: one link per service. */
  candidates(name: string): Locator {
    return this.page.getByRole("list", { name: `Services named ${name}` }).getByRole("link");
  }

  /** The candidate link to one namespace's service. */
  candidate(name: string, namespace: string): Locator {
    return this.page.getByRole("link", { name: `${name} in namespace ${namespace}`, exact: true });
  }

  /** The SLO section, where alert links land (`#slo`). */
  sloSection(): Locator {
    return this.page.getByRole("region", { name: "SLOs and error budgets" });
  }

  /** One SLO's card in that section ("availability", "latency"). */
  sloCard(kind: "availability" | "latency"): Locator {
    return this.sloSection().getByRole("article", { name: `${kind} SLO` });
  }

  /** A chart of one SLO's card, by the start of its name ("Successful requests", "Error budget left over the period"). */
  sloChart(kind: "availability" | "latency", title: string): Locator {
    return this.sloCard(kind).getByRole("figure", { name: new RegExp(`^${title}`) });
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
    return this.chart(title)
      .getByRole("listitem")
      .filter({ hasText: new RegExp(`^${series}$`) })
      .locator("line")
      .getAttribute("stroke");
  }

  /** A range preset of the header ("6h"). */
  rangePreset(label: string): Locator {
    return this.page
      .getByRole("group", { name: "Time range" })
      .getByRole("button", { name: `Last ${label}`, exact: true });
  }

  timeZone(zone: "Local" | "UTC"): Locator {
    return this.page.getByRole("group", { name: "Time zone" }).getByRole("button", { name: zone, exact: true });
  }
}
