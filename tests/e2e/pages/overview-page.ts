import type { Locator, Page } from "@playwright/test";

/** The overview `/`: the services table and its controls. */
export class OverviewPage {
  readonly table: Locator;
  readonly sort: Locator;
  /** "Updated 12 s ago": ticks in the browser, so it shows once the page's scripts run. */
  readonly updated: Locator;

  /** The empty services panel's help: what was looked for, the status link, suggestions, config lines. */
  readonly noServices: Locator;
  readonly statusLink: Locator;
  readonly suggestions: Locator;
  readonly conventionConfig: Locator;
  /** The header's link to the status page. */
  readonly headerStatusLink: Locator;
  /** The empty nodes panel's sentence. */
  readonly noNodes: Locator;
  /** The header's quiet note on where the values came from: recorded rules or raw series. */
  readonly source: Locator;
  /** The header's "signed in as …" (auth.mode proxy or basic). */
  readonly signedIn: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Services" });
    this.noServices = page.getByRole("status").filter({ hasText: "signalboard looked for these request metrics" });
    this.statusLink = this.noServices.getByRole("link", { name: "The status page" });
    this.suggestions = this.noServices.getByRole("list", { name: "Suggested metrics" }).getByRole("listitem");
    this.conventionConfig = this.noServices.getByLabel("Custom convention config");
    this.headerStatusLink = page.getByRole("banner").getByRole("link", { name: "Status", exact: true });
    this.noNodes = page.getByRole("status").filter({ hasText: /^No node_exporter series/ });
    this.sort = page.getByRole("combobox", { name: "Sort" });
    this.updated = page.getByText(/Updated .+ ago/);
    this.source = page.getByRole("banner").getByText(/^(from recorded rules|raw series|recorded .+)$/);
    this.signedIn = page.getByRole("banner").getByText(/^signed in as /);
  }

  /** Opens the overview, on another dashboard than the stack's where `base` says so. */
  async open(query = "", origin = ""): Promise<void> {
    await this.page.goto(`${origin}/${query}`);
  }

  /** Data rows, in the order shown (the header row excluded). */
  rows(): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("link") });
  }

  /** The row of one service, found by its link; with `namespace`, the one whose link names that namespace. */
  row(name: string, namespace?: string): Locator {
    const link = this.page.getByRole("link", { name, exact: true });
    const own =
      namespace === undefined
        ? link
        : link.and(this.page.locator(`[href*="namespace=${encodeURIComponent(namespace)}"]`));
    return this.rows().filter({ has: own });
  }

  /** The overview's Source filter (several sources only). */
  sourceFilter(): Locator {
    return this.page.getByRole("combobox", { name: "Source" });
  }

  /** The row of one service from one source, found by its link, which carries `source=`. */
  rowFrom(name: string, source: string): Locator {
    const link = this.page
      .getByRole("link", { name, exact: true })
      .and(this.page.locator(`[href*="source=${encodeURIComponent(source)}"]`));
    return this.rows().filter({ has: link });
  }

  /** The rows whose source badge names `source` (live). */
  rowsFromSource(source: string): Locator {
    return this.rows().filter({ has: this.page.getByTitle(`Source ${source}`, { exact: true }) });
  }

  /** Any source badge of a row. */
  anySourceBadge(row: Locator): Locator {
    return row.getByTitle(/^Source /);
  }

  /** The options of the Source filter, as shown. */
  sourceOptions(): Locator {
    return this.sourceFilter().getByRole("option");
  }

  /** A row's link to its service's page. */
  rowLink(row: Locator, name: string): Locator {
    return row.getByRole("link", { name, exact: true });
  }

  /** A row's source badge, by its tooltip: "Source eu", or "Source eu: not answering, …" when stale. */
  sourceBadge(row: Locator, source: string, stale = false): Locator {
    return row.getByTitle(stale ? `Source ${source}: not answering, showing its last data` : `Source ${source}`, {
      exact: true,
    });
  }

  /** The notice naming a source that failed or is old. */
  sourceNotice(source: string): Locator {
    return this.page.getByText(new RegExp(`^Source ${source} is not answering`));
  }

  /** The link to a service's page from its row. */
  serviceLink(name: string, namespace?: string): Locator {
    return this.row(name, namespace).getByRole("link", { name, exact: true });
  }

  /** A row's status badge, found by its tooltip, which states what the verdict rests on. */
  statusBadge(name: string): Locator {
    return this.row(name).getByTitle(/^(down|failing|degraded|idle|ok): .* over the last /);
  }

  /** The link to an alert's runbook on a service's row. */
  runbookLink(name: string, alertname: string): Locator {
    return this.row(name).getByRole("link", { name: `Runbook for ${alertname}` });
  }

  /** A row's alert badge, found by its tooltip ("HighErrorRatio (critical, firing for 2 min)"). */
  alertBadgeTitled(name: string, title: RegExp): Locator {
    return this.row(name).getByTitle(title);
  }

  /** A value of a row that explains itself in a tooltip ("Not measured: …"). */
  valueTitled(name: string, title: string): Locator {
    return this.row(name).getByTitle(title);
  }

  /** The lines of a row's sparkline ("Request rate", "Latency"): one per series drawn. */
  sparklineLines(name: string, chart: "Request rate" | "Latency"): Locator {
    return this.row(name)
      .getByRole("img", { name: new RegExp(`${chart} of ${name}`) })
      .locator("polyline");
  }

  /** A row's SLO cell, found by its tooltip, which starts with the SLO it shows ("availability: 99.9 % …"). */
  sloCell(name: string): Locator {
    return this.row(name).getByTitle(/^(Stale: the SLOs did not refresh\.\n)?(availability|latency): /);
  }

  /** Parts of rows still waiting for their data. */
  busyParts(): Locator {
    return this.rows().locator("[aria-busy=true]");
  }

  /** A row's alert badges, one per level and state: "critical", "pending warning ×2". */
  alertBadges(name: string): Locator {
    return this.row(name).getByText(/^\s*(pending )?(critical|warning|info)\s*(×\d+)?\s*$/);
  }

  /** What the browser tab shows: its title, and the icon it uses (the last one in the head wins). */
  async tab(): Promise<{ title: string; icon: string | null }> {
    const icons = await this.page
      .locator('head link[rel="icon"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute("href")));
    return { title: await this.page.title(), icon: icons.at(-1) ?? null };
  }

  /** The service names of the rows in the order shown (their links to the service page, not an alert's runbook). */
  async serviceNames(): Promise<string[]> {
    return this.rows().locator('a[href^="/services/"]').allTextContents();
  }
}
